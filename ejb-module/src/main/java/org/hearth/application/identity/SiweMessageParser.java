package org.hearth.application.identity;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.web3j.crypto.Keys;

/**
 * Parses EIP-4361 messages strictly by the specification's ABNF: LF line ends, fields in their
 * order, nothing before or after, addresses in EIP-55 checksum case. Anything else is refused with
 * the reason.
 */
public final class SiweMessageParser {

  private static final String HEADER_SUFFIX = " wants you to sign in with your Ethereum account:";
  private static final Pattern HEADER =
      Pattern.compile("(?:([A-Za-z][A-Za-z0-9+.-]*)://)?([^\\s/?#]+)");
  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
  // reserved / unreserved / space (RFC 3986), no line feed.
  private static final Pattern STATEMENT =
      Pattern.compile("[A-Za-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;= ]*");
  private static final Pattern CHAIN_ID = Pattern.compile("[0-9]{1,18}");
  private static final Pattern NONCE = Pattern.compile("[A-Za-z0-9]{8,64}");
  // pchar of RFC 3986: unreserved / pct-encoded / sub-delims / ":" / "@"
  private static final Pattern REQUEST_ID =
      Pattern.compile("(?:[A-Za-z0-9\\-._~!$&'()*+,;=:@]|%[0-9A-Fa-f]{2})*");

  private SiweMessageParser() {}

  /**
   * @throws SignInException naming what is malformed
   */
  public static SiweMessage parse(String text) {
    if (text == null || text.isEmpty()) {
      throw malformed("the message is empty");
    }
    if (text.indexOf('\r') >= 0) {
      throw malformed("lines must end with LF only");
    }
    Lines lines = new Lines(text.split("\n", -1));

    String header = lines.next("the header line");
    if (!header.endsWith(HEADER_SUFFIX)) {
      throw malformed("the first line must end with \"" + HEADER_SUFFIX.trim() + "\"");
    }
    Matcher origin = HEADER.matcher(header.substring(0, header.length() - HEADER_SUFFIX.length()));
    if (!origin.matches() || !isAuthority(origin.group(2))) {
      throw malformed("the first line must start with a domain (an RFC 3986 authority)");
    }
    String address = lines.next("the address line");
    if (!ADDRESS.matcher(address).matches()) {
      throw malformed("the second line must be an address: 0x and 40 hex digits");
    }
    if (!Keys.toChecksumAddress(address).equals(address)) {
      throw malformed("the address is not in EIP-55 checksum case");
    }
    lines.expectEmpty();
    String statement = null;
    if (!lines.peek().isEmpty()) {
      statement = lines.next("the statement");
      if (!STATEMENT.matcher(statement).matches()) {
        throw malformed("the statement may only hold RFC 3986 reserved or unreserved characters");
      }
    }
    lines.expectEmpty();

    URI uri = uri(lines.field("URI"), "URI");
    String version = lines.field("Version");
    if (!version.equals("1")) {
      throw malformed("Version must be 1");
    }
    String chainId = lines.field("Chain ID");
    if (!CHAIN_ID.matcher(chainId).matches()) {
      throw malformed("Chain ID must be a decimal number");
    }
    String nonce = lines.field("Nonce");
    if (!NONCE.matcher(nonce).matches()) {
      throw malformed("Nonce must be at least 8 letters or digits");
    }
    Instant issuedAt = instant(lines.field("Issued At"), "Issued At");
    Instant expirationTime =
        lines.hasField("Expiration Time")
            ? instant(lines.field("Expiration Time"), "Expiration Time")
            : null;
    Instant notBefore =
        lines.hasField("Not Before") ? instant(lines.field("Not Before"), "Not Before") : null;
    String requestId = lines.hasField("Request ID") ? lines.field("Request ID") : null;
    if (requestId != null && !REQUEST_ID.matcher(requestId).matches()) {
      throw malformed("Request ID may only hold URI path characters");
    }
    List<URI> resources = new ArrayList<>();
    if (lines.hasMore() && lines.peek().equals("Resources:")) {
      lines.next("Resources");
      while (lines.hasMore() && lines.peek().startsWith("- ")) {
        resources.add(uri(lines.next("a resource").substring(2), "a resource"));
      }
    }
    if (lines.hasMore()) {
      throw malformed("unexpected text after the last field: \"" + lines.peek() + "\"");
    }
    return new SiweMessage(
        origin.group(1),
        origin.group(2),
        address,
        statement,
        uri,
        version,
        Long.parseLong(chainId),
        nonce,
        issuedAt,
        expirationTime,
        notBefore,
        requestId,
        List.copyOf(resources));
  }

  private static boolean isAuthority(String domain) {
    try {
      URI parsed = new URI("x://" + domain);
      return parsed.getHost() != null && domain.equals(parsed.getRawAuthority());
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static URI uri(String value, String field) {
    try {
      URI uri = new URI(value);
      if (!uri.isAbsolute()) {
        throw malformed(field + " must be an absolute URI");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw malformed(field + " is not a URI: " + e.getMessage());
    }
  }

  private static Instant instant(String value, String field) {
    try {
      return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      throw malformed(field + " must be an RFC 3339 date-time");
    }
  }

  private static SignInException malformed(String reason) {
    return new SignInException("malformed EIP-4361 message: " + reason);
  }

  /** The message's lines with a cursor. */
  private static final class Lines {
    private final String[] lines;
    private int next;

    Lines(String[] lines) {
      this.lines = lines;
    }

    boolean hasMore() {
      return next < lines.length;
    }

    String peek() {
      if (!hasMore()) {
        throw malformed("the message ends too early");
      }
      return lines[next];
    }

    String next(String what) {
      if (!hasMore()) {
        throw malformed("the message ends before " + what);
      }
      return lines[next++];
    }

    void expectEmpty() {
      if (!next("an empty line").isEmpty()) {
        throw malformed("an empty line is missing after line " + next);
      }
    }

    boolean hasField(String name) {
      return hasMore() && lines[next].startsWith(name + ": ");
    }

    String field(String name) {
      if (!hasField(name)) {
        throw malformed("\"" + name + ": \" expected on line " + (next + 1));
      }
      return lines[next++].substring(name.length() + 2);
    }
  }
}
