package org.hearth.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Terminals in real sandboxes; skipped without root, bubblewrap or cgroups. */
class SandboxTerminalTest {

  private static Cgroups cgroups;

  @TempDir Path dataDir;
  private String vmId;
  private RunningWorkload vm;

  @BeforeAll
  static void requireSandbox() {
    cgroups = Sandboxes.requireSandbox();
  }

  @BeforeEach
  void startVm() throws Exception {
    vmId = Sandboxes.vmId("term");
    SandboxRuntime runtime =
        new SandboxRuntime(Sandboxes.searchable(dataDir), cgroups, 64, Duration.ofMillis(300));
    vm =
        runtime.start(
            new WorkloadSpec(vmId, 1, 64, 1, "exec sleep 60", Map.of("GREETING", "hi"), false));
  }

  @AfterEach
  void stopVm() {
    vm.stop();
  }

  @Test
  void runsAShellInsideTheVm() throws Exception {
    try (Terminal terminal = vm.openTerminal(80, 24)) {
      Screen screen = new Screen(terminal.output());

      send(terminal, "echo $((6*7))\n");
      screen.await("42\r\n");

      send(terminal, "echo \"$(id -u) $(hostname) $GREETING $$ $(ls /proc | grep -c '^[0-9]')\"\n");
      screen.await("1000 " + vmId + " hi ");
      send(terminal, "echo cgroups=$(cut -d: -f3 /proc/self/cgroup | sort -u)\n");
      screen.await("cgroups=/\r\n"); // in the VM's cgroup, which is the root of its namespace
    }
  }

  @Test
  void resizes() throws Exception {
    try (Terminal terminal = vm.openTerminal(80, 24)) {
      Screen screen = new Screen(terminal.output());
      send(terminal, "stty size\n");
      screen.await("24 80");

      terminal.resize(132, 40);
      send(terminal, "stty size\n");
      screen.await("40 132");
    }
  }

  @Test
  void opensSeveralTerminalsAtOnce() throws Exception {
    try (Terminal first = vm.openTerminal(80, 24);
        Terminal second = vm.openTerminal(80, 24)) {
      Screen one = new Screen(first.output());
      Screen two = new Screen(second.output());

      send(first, "echo first-$((1+1))\n");
      send(second, "echo second-$((2+2))\n");

      one.await("first-2\r\n");
      two.await("second-4\r\n");
      assertFalse(one.text().contains("second-4"));
    }
  }

  @Test
  void reportsTheShellsExitCode() throws Exception {
    try (Terminal terminal = vm.openTerminal(80, 24)) {
      send(terminal, "exit 3\n");
      assertEquals(3, terminal.exit().get(10, TimeUnit.SECONDS));
    }
  }

  @Test
  void closeEndsTheShellAndItsJobs() throws Exception {
    int vmOnly = pidCount(); // bwrap and the VM's pid 1
    Terminal terminal = vm.openTerminal(80, 24);
    Screen screen = new Screen(terminal.output());
    send(terminal, "trap '' HUP; sleep 100 & echo job-$((1+1))\n");
    screen.await("job-2\r\n"); // not the echo of the typed line: that has job-$((1+1))

    terminal.close();

    terminal.exit().get(10, TimeUnit.SECONDS);
    Sandboxes.await(() -> pidCount() == vmOnly, "the shell, its job and nsenter to end");
  }

  @Test
  void stoppingTheVmEndsItsTerminals() throws Exception {
    Terminal terminal = vm.openTerminal(80, 24);

    vm.stop();

    terminal.exit().get(10, TimeUnit.SECONDS);
  }

  @Test
  void refusesWhenTheVmIsNotRunning() {
    vm.stop();
    assertThrows(WorkloadException.class, () -> vm.openTerminal(80, 24));
  }

  private int pidCount() {
    try {
      return Sandboxes.pids(vmId).size();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static void send(Terminal terminal, String text) throws IOException {
    terminal.input().write(text.getBytes(StandardCharsets.UTF_8));
    terminal.input().flush();
  }

  /** Collects a terminal's output in the background. */
  private static final class Screen {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    Screen(InputStream output) {
      Thread reader =
          new Thread(
              () -> {
                byte[] buffer = new byte[4096];
                try {
                  for (int n; (n = output.read(buffer)) > 0; ) {
                    synchronized (bytes) {
                      bytes.write(buffer, 0, n);
                    }
                  }
                } catch (IOException e) {
                  // the PTY is gone
                }
              });
      reader.setDaemon(true);
      reader.start();
    }

    String text() {
      synchronized (bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
      }
    }

    void await(String expected) throws InterruptedException {
      try {
        Sandboxes.await(() -> text().contains(expected), "\"" + expected + "\"");
      } catch (AssertionError e) {
        throw new AssertionError(e.getMessage() + " in terminal output:\n" + text(), e);
      }
    }
  }
}
