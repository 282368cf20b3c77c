package org.hearth.application.market;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What a node has earned to show on its card. */
public final class Badges {

  /** A badge: a stable code and a label. */
  public enum Badge {
    UPTIME_99_9("99.9% uptime"),
    HOSTED_100("100+ VMs hosted"),
    HOSTED_1000("1,000+ VMs hosted"),
    GPU("GPU"),
    VETERAN("On Hearth for 90+ days");

    private final String label;

    Badge(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  private static final Duration UPTIME_TENURE = Duration.ofDays(7);
  private static final Duration VETERAN_TENURE = Duration.ofDays(90);

  private Badges() {}

  /** Uptime counts once a node has a week of history; hosting counts VMs that ran. */
  public static List<Badge> of(MarketNode node, Instant now) {
    List<Badge> badges = new ArrayList<>();
    Duration tenure = Duration.between(node.registeredAt(), now);
    if (node.uptimePercent() >= 99.9 && tenure.compareTo(UPTIME_TENURE) >= 0) {
      badges.add(Badge.UPTIME_99_9);
    }
    if (node.totalVmsHosted() >= 1000) {
      badges.add(Badge.HOSTED_1000);
    } else if (node.totalVmsHosted() >= 100) {
      badges.add(Badge.HOSTED_100);
    }
    if (!node.gpuModels().isEmpty()) {
      badges.add(Badge.GPU);
    }
    if (tenure.compareTo(VETERAN_TENURE) >= 0) {
      badges.add(Badge.VETERAN);
    }
    return badges;
  }
}
