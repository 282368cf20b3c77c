package org.hearth.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StateHistoryTest {

  @Test
  void timesTheFirstEntryIntoEachState() throws Exception {
    StateHistory history =
        StateHistory.of(
            HearthTenant.JSON.readTree(
                """
                {"history":[
                  {"to":"REQUESTED","at":"2026-11-22T06:33:04.005616Z"},
                  {"from":"REQUESTED","to":"SCHEDULED","at":"2026-11-22T06:33:04.117946Z"},
                  {"from":"SCHEDULED","to":"PROVISIONING","at":"2026-11-22T06:33:04.418676Z"},
                  {"from":"PROVISIONING","to":"RUNNING","at":"2026-11-22T06:33:04.507521Z"},
                  {"from":"RUNNING","to":"PROVISIONING","at":"2026-11-22T06:40:00Z"}]}"""));
    assertEquals(Duration.ofNanos(501_905_000), history.between("REQUESTED", "RUNNING"));
    assertEquals(Duration.ofNanos(300_730_000), history.between("SCHEDULED", "PROVISIONING"));
    assertThrows(IllegalStateException.class, () -> history.at("TERMINATED"));
  }
}
