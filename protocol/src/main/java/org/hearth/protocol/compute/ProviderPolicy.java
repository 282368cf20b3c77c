package org.hearth.protocol.compute;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

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
    tiers = Set.copyOf(tiers);
    runtimes = Set.copyOf(runtimes);
    commandPatterns = List.copyOf(commandPatterns);
    reserved = reserved == null ? Reserved.NONE : reserved;
  }

  /**
   * Why this policy refuses a VM, or empty when it accepts it.
   *
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
    if (commandPatterns.stream().noneMatch(pattern -> globMatches(pattern, command))) {
      return Optional.of("command is not on the allow-list");
    }
    if (outboundNetworkWanted && !outboundNetwork) {
      return Optional.of("outbound network is not allowed");
    }
    return Optional.empty();
  }

  static boolean globMatches(String glob, String text) {
    StringBuilder regex = new StringBuilder();
    for (char c : glob.toCharArray()) {
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(text).matches();
  }
}
