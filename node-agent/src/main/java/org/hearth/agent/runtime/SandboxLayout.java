package org.hearth.agent.runtime;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A VM's files: {@code <dataDir>/vms/<vmId>/} holds {@code root/} (the VM's writable {@code /},
 * owned by the sandbox's host uid and kept across starts until the VM is stopped or discarded: an
 * agent restart or a suspension keeps it), {@code etc/} (the VM's read-only {@code /etc}, written
 * anew at each start), {@code console.log} (the command's output, appended to at each start) and
 * {@code status.json} (what bwrap reports about the current start).
 *
 * <p>bwrap runs as the sandbox's host uid and opens root/ and etc/ by path, so every directory up
 * to them must be searchable by others; the runtime's own ({@code vms/} and each VM's) are, but not
 * listable. root/ is its owner's alone (no other user of the host reads a tenant's files) and etc/
 * readable by all; all of these are set whatever the agent's umask.
 *
 * <p>The agent runs as root and never writes inside {@code root/}: the VM owns it and could plant
 * symlinks there that point at host files. Deleting it does not follow links.
 */
final class SandboxLayout {

  /** Host files the VM sees read-only under /etc: what programs need to run, resolve and log in. */
  private static final List<String> HOST_ETC =
      List.of(
          "alternatives",
          "bash.bashrc",
          "ca-certificates",
          "ca-certificates.conf",
          "gai.conf",
          "host.conf",
          "inputrc",
          "ld.so.cache",
          "ld.so.conf",
          "ld.so.conf.d",
          "localtime",
          "mime.types",
          "nsswitch.conf",
          "os-release",
          "profile",
          "profile.d",
          "protocols",
          "resolv.conf",
          "services",
          "shells",
          "ssl",
          "terminfo",
          "timezone");

  /**
   * Host directories under /etc that programs in /usr link into, by glob: Debian's and Ubuntu's
   * OpenJDK keep their configuration (jvm.cfg, security) in /etc/java-17-openjdk and the like, so
   * without it {@code java} cannot start in a VM.
   */
  private static final String HOST_ETC_GLOB = "java-*-openjdk";

  /** Searchable, not listable: bwrap, running as the sandbox's uid, must reach root/ and etc/. */
  private static final Set<PosixFilePermission> SEARCH_ONLY =
      PosixFilePermissions.fromString("rwx--x--x");

  private static final Set<PosixFilePermission> OWNER_READ_WRITE =
      PosixFilePermissions.fromString("rw-------");

  /** The VM's own /: its files are the tenant's, for no other user of the host to read. */
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rwx------");

  /** The VM's /etc, which the sandbox user reads. */
  private static final Set<PosixFilePermission> READABLE_DIR =
      PosixFilePermissions.fromString("rwxr-xr-x");

  private static final Set<PosixFilePermission> READABLE_FILE =
      PosixFilePermissions.fromString("rw-r--r--");

  private final Path vmDir;
  private final boolean created;
  private final List<String> hostEtc;

  private SandboxLayout(Path vmDir, boolean created, List<String> hostEtc) {
    this.vmDir = vmDir;
    this.created = created;
    this.hostEtc = hostEtc;
  }

  /** Creates the VM's directory (or reuses the root of an earlier start) and writes its /etc. */
  static SandboxLayout prepare(Path dataDir, String vmId) throws IOException {
    Path vms = dataDir.toAbsolutePath().resolve("vms");
    if (!Files.isDirectory(vms, LinkOption.NOFOLLOW_LINKS)) {
      Files.createDirectories(vms.getParent(), PosixFilePermissions.asFileAttribute(SEARCH_ONLY));
      createDirectory(vms, SEARCH_ONLY);
    }
    requireSearchable(vms);
    Path vmDir = vms.resolve(vmId);
    boolean created = !Files.isDirectory(vmDir, LinkOption.NOFOLLOW_LINKS);
    if (created) {
      createDirectory(vmDir, SEARCH_ONLY);
    }
    Path root = vmDir.resolve("root");
    if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
      createDirectory(root, OWNER_ONLY);
      Files.setAttribute(root, "unix:uid", SandboxUser.HOST_UID, LinkOption.NOFOLLOW_LINKS);
      Files.setAttribute(root, "unix:gid", SandboxUser.HOST_GID, LinkOption.NOFOLLOW_LINKS);
    }
    Files.deleteIfExists(vmDir.resolve("status.json")); // an earlier start's, not this one's
    Path etc = vmDir.resolve("etc");
    deleteTree(etc);
    createDirectory(etc, READABLE_DIR);
    writeIdentity(etc, vmId);
    List<String> hostEtc = new ArrayList<>();
    for (String name : hostEtcNames()) {
      Path source = Path.of("/etc", name);
      if (Files.exists(source)) {
        // The read-only /etc cannot get mount points later: bwrap binds host files onto these.
        if (Files.isDirectory(source)) {
          Files.createDirectory(etc.resolve(name));
        } else {
          Files.createFile(etc.resolve(name));
        }
        hostEtc.add(name);
      }
    }
    Path console = vmDir.resolve("console.log");
    if (!Files.exists(console)) {
      Files.createFile(console, PosixFilePermissions.asFileAttribute(OWNER_READ_WRITE));
    }
    return new SandboxLayout(vmDir, created, List.copyOf(hostEtc));
  }

  /** {@link #HOST_ETC} and the host's /etc entries matching {@link #HOST_ETC_GLOB}. */
  private static List<String> hostEtcNames() throws IOException {
    List<String> names = new ArrayList<>(HOST_ETC);
    try (var matches = Files.newDirectoryStream(Path.of("/etc"), HOST_ETC_GLOB)) {
      for (Path match : matches) {
        if (Files.isDirectory(match, LinkOption.NOFOLLOW_LINKS)) {
          names.add(match.getFileName().toString());
        }
      }
    }
    return names;
  }

  /**
   * Creates {@code dir} with exactly {@code permissions}: a permission attribute at creation is
   * narrowed by the process's umask, and hardened hosts (or sudo keeping a user's) set 027 or 077.
   */
  private static void createDirectory(Path dir, Set<PosixFilePermission> permissions)
      throws IOException {
    Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(permissions));
    Files.setPosixFilePermissions(dir, permissions);
  }

  /**
   * @throws IOException naming the first directory on the way that others cannot search
   */
  private static void requireSearchable(Path dir) throws IOException {
    for (Path path = dir; path != null; path = path.getParent()) {
      if (!Files.getPosixFilePermissions(path).contains(PosixFilePermission.OTHERS_EXECUTE)) {
        throw new IOException(
            "the sandbox user (uid "
                + SandboxUser.HOST_UID
                + ") cannot reach "
                + dir
                + ": make "
                + path
                + " searchable (chmod o+x)");
      }
    }
  }

  private static void writeIdentity(Path etc, String vmId) throws IOException {
    String user = SandboxUser.NAME;
    writeReadable(
        etc.resolve("passwd"),
        "root:x:0:0:root:/root:/bin/sh\n"
            + user
            + ":x:"
            + SandboxUser.UID
            + ":"
            + SandboxUser.GID
            + ":"
            + user
            + ":"
            + SandboxUser.HOME
            + ":/bin/sh\n"
            + "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n");
    writeReadable(
        etc.resolve("group"),
        "root:x:0:\n" + user + ":x:" + SandboxUser.GID + ":\nnogroup:x:65534:\n");
    writeReadable(etc.resolve("hostname"), vmId + "\n");
    writeReadable(
        etc.resolve("hosts"),
        "127.0.0.1\tlocalhost\n127.0.1.1\t"
            + vmId
            + "\n::1\tlocalhost ip6-localhost ip6-loopback\n");
  }

  private static void writeReadable(Path file, String content) throws IOException {
    Files.writeString(file, content);
    Files.setPosixFilePermissions(file, READABLE_FILE);
  }

  Path vmDir() {
    return vmDir;
  }

  /** Whether this start created the VM's directory (rather than reusing an earlier start's). */
  boolean created() {
    return created;
  }

  /** Names under /etc that the VM sees from the host. */
  List<String> hostEtc() {
    return hostEtc;
  }

  Path root() {
    return vmDir.resolve("root");
  }

  Path etc() {
    return vmDir.resolve("etc");
  }

  Path consoleLog() {
    return vmDir.resolve("console.log");
  }

  Path statusFile() {
    return vmDir.resolve("status.json");
  }

  /** Deletes all of the VM's files. Idempotent. */
  void delete() throws IOException {
    deleteTree(vmDir);
  }

  /**
   * Deletes all the files of a VM that is not running, if it left any; never follows links.
   *
   * @param vmId a valid VM id (one path element, see {@link WorkloadSpec#requireVmId})
   * @return whether there were any
   */
  static boolean delete(Path dataDir, String vmId) throws IOException {
    Path vmDir = dataDir.toAbsolutePath().resolve("vms").resolve(WorkloadSpec.requireVmId(vmId));
    boolean present = Files.exists(vmDir, LinkOption.NOFOLLOW_LINKS);
    deleteTree(vmDir);
    return present;
  }

  /** The last part of the console log, for error messages. */
  String consoleTail() {
    try {
      String log = Files.readString(consoleLog()).strip();
      return log.length() <= 2000 ? log : "..." + log.substring(log.length() - 2000);
    } catch (IOException e) {
      return "(no console output)";
    }
  }

  /** Deletes a tree without following symbolic links (walkFileTree's default). */
  private static void deleteTree(Path top) throws IOException {
    if (!Files.exists(top, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Files.walkFileTree(
        top,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
            if (e != null) {
              throw e;
            }
            Files.delete(dir);
            return FileVisitResult.CONTINUE;
          }
        });
  }
}
