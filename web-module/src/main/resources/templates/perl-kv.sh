# A tiny in-memory key-value server in Perl (no modules beyond perl-base), one command per line:
# SET key value | GET key | DEL key | KEYS. Try it with: exec 3<>/dev/tcp/127.0.0.1/$PORT
exec perl - <<'PERL'
use strict;
use warnings;
use IO::Select;
use IO::Socket::INET;

my $port = $ENV{PORT};
my $server = IO::Socket::INET->new(
  LocalAddr => "127.0.0.1", LocalPort => $port, Listen => 16, ReuseAddr => 1)
  or die "cannot listen on port $port: $!\n";
my $select = IO::Select->new($server);
my (%store, %pending);
$| = 1;
print "key-value server on port $port\n";
while (1) {
  for my $fh ($select->can_read) {
    if ($fh == $server) {
      my $client = $server->accept or next;
      $select->add($client);
      $pending{$client} = "";
      next;
    }
    my $read = sysread($fh, my $chunk, 4096);
    if (!$read) {
      $select->remove($fh);
      delete $pending{$fh};
      close $fh;
      next;
    }
    $pending{$fh} .= $chunk;
    while ($pending{$fh} =~ s/^([^\n]*)\n//) {
      (my $line = $1) =~ s/\r$//;
      my ($command, $key, $value) = split / /, $line, 3;
      $command = uc($command // "");
      my $reply =
          $command eq "SET" && defined $value ? do { $store{$key} = $value; "OK" }
        : $command eq "GET" && defined $key ? ($store{$key} // "NIL")
        : $command eq "DEL" && defined $key ? (delete $store{$key} ? "1" : "0")
        : $command eq "KEYS" ? join(" ", sort keys %store)
        : "ERR commands: SET key value | GET key | DEL key | KEYS";
      syswrite($fh, "$reply\n");
    }
  }
}
PERL
