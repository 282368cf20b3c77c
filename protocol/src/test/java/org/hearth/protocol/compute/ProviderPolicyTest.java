package org.hearth.protocol.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProviderPolicyTest {

  private final ProviderPolicy policy =
      new ProviderPolicy(
          Set.of(Tier.STANDARD, Tier.BURSTABLE),
          Set.of("sandbox"),
          List.of("/bin/sh*", "python3 -m http.server ????"),
          4,
          new ProviderPolicy.Reserved(1, 1024, 10),
          false);

  @Test
  void acceptsWhatEveryRuleAllows() {
    assertEquals(Optional.empty(), policy.refusal(Tier.STANDARD, "sandbox", "/bin/sh -l", false));
    assertEquals(
        Optional.empty(),
        policy.refusal(Tier.BURSTABLE, "sandbox", "python3 -m http.server 8000", false));
  }

  @Test
  void namesTheRuleThatRefuses() {
    assertTrue(
        policy
            .refusal(Tier.GUARANTEED, "sandbox", "/bin/sh", false)
            .orElseThrow()
            .contains("tier"));
    assertTrue(
        policy.refusal(Tier.STANDARD, "kvm", "/bin/sh", false).orElseThrow().contains("runtime"));
    assertTrue(
        policy
            .refusal(Tier.STANDARD, "sandbox", "rm -rf /", false)
            .orElseThrow()
            .contains("allow-list"));
    assertTrue(
        policy
            .refusal(Tier.STANDARD, "sandbox", "/bin/sh", true)
            .orElseThrow()
            .contains("network"));
  }

  @Test
  void globsMatchTheWholeCommandLiterally() {
    assertTrue(ProviderPolicy.globMatches("*", "anything\nat all"));
    assertTrue(ProviderPolicy.globMatches("sleep ?", "sleep 5"));
    assertFalse(ProviderPolicy.globMatches("sleep ?", "sleep 50"));
    assertFalse(ProviderPolicy.globMatches("a.c", "abc"));
    assertFalse(ProviderPolicy.globMatches("/bin/sh", "/bin/sh; rm -rf /"));
    assertTrue(ProviderPolicy.globMatches("python3 *.py", "python3 a.b.py"));
    assertTrue(ProviderPolicy.globMatches("a*b*c", "aXbYbZc"));
    assertFalse(ProviderPolicy.globMatches("a*b*c", "aXbYcZ"));
    assertTrue(ProviderPolicy.globMatches("**", ""));
    assertFalse(ProviderPolicy.globMatches("", "x"));
    assertTrue(ProviderPolicy.globMatches("*?", "x"));
    assertFalse(ProviderPolicy.globMatches("?*", ""));
  }
}
