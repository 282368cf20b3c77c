package org.hearth.protocol.compute;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a provider lets run on its node. The agent enforces it and reports it at registration, and
 * the scheduler applies the same rules, so the marketplace never offers what the agent would
 * refuse.
 *
 * @param commandPatterns globs a VM's whole command must match one of ({@code *} any text, {@code
 *     ?} one character)
 * @param maxVms most VMs at once
 * @param reserved capacity held back for the host, never offered
 */
public record ProviderPolicy(
    Set<Tier> tiers,
    Set<String> runtimes,
    List<String> commandPatterns,
    int maxVms,
    Reserved reserved,
    boolean outboundNetwork) {

  /** Capacity held back for the host. */
  public record Reserved(int cores, long memoryMiB, long diskGiB) {
    public static final Reserved NONE = new Reserved(0, 0, 0);
  }

  /** Everything allowed: all tiers, the sandbox runtime, any command, 32 VMs, no reserve. */
  public static final ProviderPolicy OPEN =
      new ProviderPolicy(
          Set.of(Tier.values()), Set.of("sandbox"), List.of("*"), 32, Reserved.NONE, false);

  public ProviderPolicy {
    // An EnumSet: the scheduler asks it once per node per decision, and a bit test is cheapest.
    tiers =
        Collections.unmodifiableSet(
            tiers.isEmpty() ? EnumSet.noneOf(Tier.class) : EnumSet.copyOf(tiers));
    runtimes = Set.copyOf(runtimes);
    commandPatterns = List.copyOf(commandPatterns);
    reserved = reserved == null ? Reserved.NONE : reserved;
  }

  /**
   * Why this policy refuses a VM, or empty when it accepts it.
   *
   * @param command the VM's whole command, or null when not known yet (a price quote): the
   *     allow-list is then not checked
   * @param outboundNetworkWanted whether the VM asks for outbound network access
   */
  public Optional<String> refusal(
      Tier tier, String runtime, String command, boolean outboundNetworkWanted) {
    if (!tiers.contains(tier)) {
      return Optional.of("tier " + tier + " is not accepted");
    }
    if (!runtimes.contains(runtime)) {
      return Optional.of("runtime " + runtime + " is not offered");
    }
    if (command != null && !allows(command)) {
      return Optional.of("command is not on the allow-list");
    }
    if (outboundNetworkWanted && !outboundNetwork) {
      return Optional.of("outbound network is not allowed");
    }
    return Optional.empty();
  }

  private boolean allows(String command) {
    for (String pattern : commandPatterns) {
      if (globMatches(pattern, command)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code text} matches {@code glob} as a whole. Greedy matching that backtracks only to
   * the last {@code *}: linear for typical patterns, and no regex to compile on the scheduler's hot
   * path.
   */
  static boolean globMatches(String glob, String text) {
    if (glob.equals("*")) {
      return true; // the default policy: worth a shortcut on the scheduler's hot path
    }
    int g = 0;
    int t = 0;
    int starAt = -1;
    int textAtStar = 0;
    while (t < text.length()) {
      if (g < glob.length() && (glob.charAt(g) == '?' || glob.charAt(g) == text.charAt(t))) {
        g++;
        t++;
      } else if (g < glob.length() && glob.charAt(g) == '*') {
        starAt = g++;
        textAtStar = t;
      } else if (starAt >= 0) {
        g = starAt + 1;
        t = ++textAtStar;
      } else {
        return false;
      }
    }
    while (g < glob.length() && glob.charAt(g) == '*') {
      g++;
    }
    return g == glob.length();
  }
}
