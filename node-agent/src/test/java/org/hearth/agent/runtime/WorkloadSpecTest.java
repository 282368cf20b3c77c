package org.hearth.agent.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkloadSpecTest {

  private static WorkloadSpec spec(String vmId, Map<String, String> env) {
    return new WorkloadSpec(vmId, 1, 64, 1, "true", env, false);
  }

  @Test
  void acceptsIdsThatAreSafeAsPathsAndHostnames() {
    assertEquals("vm-1.a_b", spec("vm-1.a_b", null).vmId());
    assertEquals(Map.of(), spec("a", null).env());
  }

  @Test
  void rejectsIdsThatCouldEscapeTheDataDirectory() {
    for (String id : new String[] {"..", ".hidden", "a/b", "", "x".repeat(65), "a b"}) {
      assertThrows(IllegalArgumentException.class, () -> spec(id, null), id);
    }
  }

  @Test
  void rejectsEnvironmentNamesAShellCannotHold() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> spec("a", Map.of("1X", "v")));
    assertTrue(e.getMessage().contains("1X"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> spec("a", Map.of("A-B", "v")));
    assertThrows(IllegalArgumentException.class, () -> spec("a", Map.of("A", "nul\0")));
  }

  @Test
  void rejectsLimitsOutOfRange() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new WorkloadSpec("a", 0, 64, 1, "true", Map.of(), false));
    assertThrows(
        IllegalArgumentException.class,
        () -> new WorkloadSpec("a", 1, 0, 1, "true", Map.of(), false));
    assertThrows(
        IllegalArgumentException.class,
        () -> new WorkloadSpec("a", 1, 64, 1, " ", Map.of(), false));
  }
}
