package org.hearth.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostToolsTest {

  @TempDir Path bin;

  @Test
  void namesThePackageOfAMissingProgram() {
    WorkloadException e = assertThrows(WorkloadException.class, () -> HostTools.find(List.of(bin)));
    assertEquals(
        "bwrap is not installed, and the sandbox runtime needs it: apt-get install bubblewrap",
        e.getMessage());
  }

  @Test
  void findsExecutables() throws Exception {
    for (String name : List.of("bwrap", "nsenter", "setpriv")) {
      Files.createFile(
          bin.resolve(name),
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    }
    assertEquals(bin.resolve("nsenter"), HostTools.find(List.of(bin)).nsenter());
  }
}
