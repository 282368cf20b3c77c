package org.hearth.application.scheduling;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.hearth.application.node.NodeSettings;
import org.hearth.domain.node.Node;
import org.hearth.domain.node.NodeRepository;
import org.hearth.domain.node.NodeStatus;
import org.hearth.domain.vm.Vm;

/**
 * Places a VM on a node and takes the capacity there, in the caller's transaction. The chosen
 * node's row is locked and its capacity checked again before it is taken, so concurrent placements
 * never over-allocate a node.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class Scheduler {

  private static final System.Logger LOG = System.getLogger(Scheduler.class.getName());

  @Inject NodeRepository nodes;
  @Inject NodeSettings nodeSettings;
  @Inject Clock clock;

  private final RandomGenerator random = RandomGenerator.getDefault();

  /**
   * Schedules {@code vm} ({@code REQUESTED → SCHEDULED}).
   *
   * @throws NoEligibleNodeException when no online node can take it
   * @throws TargetNodeRefusedException when the tenant named a node that cannot take it
   */
  public Node place(Vm vm) {
    List<Candidate> candidates = candidates(vm);
    while (true) {
      Placement.Eligibility eligibility = Placement.eligible(vm, candidates);
      if (eligibility.options().isEmpty()) {
        if (vm.targetNodeId() != null) {
          throw new TargetNodeRefusedException(
              vm.targetNodeId(),
              eligibility.refusals().getOrDefault(vm.targetNodeId(), "not online"));
        }
        throw new NoEligibleNodeException(eligibility.explanation());
      }
      Placement.Option chosen = Placement.pick(eligibility.options(), random);
      Node node = nodes.lock(chosen.node());
      Optional<String> shortOf = node.shortOf(vm.demand());
      if (shortOf.isEmpty()) {
        node.allocate(vm.demand());
        vm.schedule(
            node.id(),
            chosen.pricePerHour(),
            "placed on node " + node.id() + " at " + chosen.pricePerHour().amount() + " per hour",
            clock.instant());
        LOG.log(System.Logger.Level.INFO, "vm {0}: scheduled on node {1}", vm.id(), node.id());
        return node;
      }
      // Another placement took the capacity since the candidates were read: decide again with
      // the node as it is now.
      candidates = replace(candidates, node);
    }
  }

  /**
   * Online nodes heard from within the offline timeout: a node that a restarted server still deems
   * online during its startup grace gets no new work until its agent is back.
   */
  private List<Candidate> candidates(Vm vm) {
    Instant now = clock.instant();
    Instant heardSince = now.minus(nodeSettings.offlineAfter());
    List<Node> online =
        vm.targetNodeId() != null
            ? nodes.find(vm.targetNodeId()).stream()
                .filter(
                    n -> n.status() == NodeStatus.ONLINE && !n.lastSeenAt().isBefore(heardSince))
                .toList()
            : nodes.online(vm.regionWish(), heardSince);
    LocalDate from = LocalDate.ofInstant(now.minus(nodeSettings.uptimeWindow()), ZoneOffset.UTC);
    Map<String, Long> missed = nodes.missedSince(online.stream().map(Node::id).toList(), from);
    List<Candidate> candidates = new ArrayList<>();
    for (Node node : online) {
      double uptime =
          nodeSettings
              .uptimeCalculator()
              .percent(node.registeredAt(), now, missed.getOrDefault(node.id(), 0L));
      candidates.add(new Candidate(node, uptime));
    }
    return candidates;
  }

  private static List<Candidate> replace(List<Candidate> candidates, Node fresh) {
    return candidates.stream()
        .map(c -> c.node().id().equals(fresh.id()) ? new Candidate(fresh, c.uptimePercent()) : c)
        .toList();
  }
}
