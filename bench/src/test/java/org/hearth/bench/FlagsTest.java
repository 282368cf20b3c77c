package org.hearth.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FlagsTest {

  private static final Set<String> KNOWN = Set.of("--server", "--vms", "--poll");

  @Test
  void readsValuesWithTheirDefaults() {
    Flags flags = Flags.parse(KNOWN, "--server", "http://127.0.0.1:18480/", "--vms=7");
    assertEquals("http://127.0.0.1:18480", flags.server("http://localhost:1").toString());
    assertEquals(7, flags.positiveInt("--vms", 50));
    assertEquals(Duration.ofMillis(20), flags.duration("--poll", Duration.ofMillis(20)));
  }

  @Test
  void refusesWhatItDoesNotKnowAndOtherServers() {
    assertThrows(Options.UsageException.class, () -> Flags.parse(KNOWN, "--nodes", "1"));
    assertThrows(Options.UsageException.class, () -> Flags.parse(KNOWN, "--vms"));
    assertThrows(
        Options.UsageException.class,
        () -> Flags.parse(KNOWN, "--vms", "0").positiveInt("--vms", 1));
    assertThrows(
        Options.UsageException.class,
        () -> Flags.parse(KNOWN, "--server", "http://example.org:80").server("x"));
    assertNull(
        assertThrows(Options.UsageException.class, () -> Flags.parse(KNOWN, "--help"))
            .getMessage());
  }
}
