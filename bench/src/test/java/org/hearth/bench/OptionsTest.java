package org.hearth.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {

  @Test
  void readsTheFlags() {
    Options o =
        Options.parse(
            "--server",
            "http://127.0.0.1:8090/",
            "--nodes=500",
            "--interval",
            "PT5S",
            "--find-max",
            "--rates",
            "100, 200",
            "--server-pid",
            "1234");
    assertEquals("http://127.0.0.1:8090", o.server.toString());
    assertEquals("http://127.0.0.1:8090", o.publicUrl);
    assertEquals(500, o.nodes);
    assertEquals(Duration.ofSeconds(5), o.interval);
    assertTrue(o.findMax);
    assertEquals(List.of(100.0, 200.0), o.rates);
    assertEquals("1234", o.serverPid);
  }

  @Test
  void sendsOnlyToThisMachine() {
    assertThrows(
        Options.UsageException.class, () -> Options.parse("--server", "http://10.0.0.5:8090"));
    assertThrows(
        Options.UsageException.class, () -> Options.parse("--server", "https://localhost:8090"));
  }

  @Test
  void refusesUnknownOrBadFlags() {
    assertThrows(Options.UsageException.class, () -> Options.parse("--nodez", "5"));
    assertThrows(Options.UsageException.class, () -> Options.parse("--nodes", "0"));
    assertThrows(Options.UsageException.class, () -> Options.parse("--interval", "15s"));
    assertThrows(Options.UsageException.class, () -> Options.parse("--nodes"));
  }
}
