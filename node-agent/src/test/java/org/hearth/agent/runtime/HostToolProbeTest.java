package org.hearth.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostToolProbeTest {

  @TempDir Path tmp;

  @Test
  void findsExecutablesWhoseRealLocationTheSandboxSees() throws IOException {
    Path usr = Files.createDirectories(tmp.resolve("usr/bin"));
    Path lib = Files.createDirectories(tmp.resolve("usr/lib/jvm/bin"));
    Path opt = Files.createDirectories(tmp.resolve("opt/bin"));
    executable(usr.resolve("python3"));
    executable(lib.resolve("java"));
    Files.createSymbolicLink(usr.resolve("java"), lib.resolve("java"));
    executable(opt.resolve("node"));
    Files.createSymbolicLink(usr.resolve("node"), opt.resolve("node"));
    Files.writeString(usr.resolve("notes"), "not a program");
    Files.createDirectories(usr.resolve("dir"));
    Files.createSymbolicLink(usr.resolve("gone"), tmp.resolve("usr/nothing"));

    List<String> found =
        HostToolProbe.find(
            List.of("java", "node", "python3", "notes", "dir", "gone", "gcc"),
            List.of(tmp.resolve("usr/local/bin"), usr),
            List.of(tmp.resolve("usr")));

    // node resolves into /opt, which a VM does not see; the others are no programs or missing.
    assertEquals(List.of("java", "python3"), found);
  }

  @Test
  void theCatalogueHoldsProgramNamesOnly() {
    HostToolProbe.CATALOGUE.forEach(
        name ->
            assertEquals(
                true, org.hearth.agent.config.AgentConfig.HOST_TOOL.matcher(name).matches(), name));
  }

  private static void executable(Path file) throws IOException {
    Files.writeString(file, "#!/bin/sh\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
