package org.hearth.application.scheduling;

import org.hearth.domain.node.Node;

/** An online node the scheduler may place a VM on, with its uptime over the window. */
public record Candidate(Node node, double uptimePercent) {

  /**
   * Reputation in [0, 1] from what is known today: uptime times the share of hosted VMs that ended
   * well (neutral for a node that has hosted none). The market issue adds reviews and web of trust
   * behind the same number.
   */
  public double reputation() {
    long hosted = node.totalVmsHosted();
    double completion =
        hosted == 0 ? 1.0 : Math.min(1.0, (double) node.successfulCompletions() / hosted);
    return uptimePercent / 100.0 * (0.5 + 0.5 * completion);
  }
}
