package org.hearth.application.reputation;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.hearth.domain.node.Node;
import org.hearth.domain.reputation.ReviewStats;

/**
 * Every node's reputation, computed again every {@code hearth.reputation.refresh} and after each
 * review or attestation, kept in memory for the marketplace and the scheduler: globally, and on
 * request as one viewer sees it (social trust personalized from the viewer's key). A node not
 * computed yet is judged by its own row alone.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReputationBoard {

  private static final System.Logger LOG = System.getLogger(ReputationBoard.class.getName());

  @Resource TimerService timers;
  @EJB ReputationReader reader;
  @Inject ReputationSettings settings;
  @Inject Clock clock;

  ReputationModel model;
  private volatile Board board = new Board(Map.of(), Map.of(), TrustGraph.EMPTY, Map.of());

  /** One refresh's inputs, operator keys, trust graph and global reputations. */
  private record Board(
      Map<String, ReputationInputs> inputs,
      Map<String, String> trustKeys,
      TrustGraph trust,
      Map<String, Reputation> global) {}

  /** Reputation scores as one viewer sees them. */
  public interface Perspective {
    /** The node's score in [0, 1], or {@code otherwise} for a node not computed yet. */
    double score(String nodeId, double otherwise);
  }

  @PostConstruct
  void schedule() {
    model = settings.model();
    long every = settings.refresh().toMillis();
    timers.createIntervalTimer(0, every, new TimerConfig("reputation", false));
  }

  /** Global reputations, judged as the board is now. */
  @FunctionalInterface
  public interface Global {
    Reputation of(Node node, double uptimePercent);
  }

  /** The node's global reputation. */
  public Reputation of(Node node, double uptimePercent) {
    return of(board, node, uptimePercent, null);
  }

  /**
   * Every node's global reputation as the board is now: for reading many nodes with one call to
   * this bean instead of one each.
   */
  public Global global() {
    Board b = board;
    return (node, uptimePercent) -> of(b, node, uptimePercent, null);
  }

  /**
   * The node's reputation as {@code viewer} (a Nostr key, or null for anyone) sees it: as last
   * computed, or from the node's row if it was not computed yet.
   */
  public Reputation of(Node node, double uptimePercent, String viewer) {
    return of(board, node, uptimePercent, viewer);
  }

  private Reputation of(Board b, Node node, double uptimePercent, String viewer) {
    ReputationInputs inputs = b.inputs().get(node.id());
    if (inputs == null) {
      inputs = fromRow(node, uptimePercent);
    } else if (viewer == null) {
      return b.global().get(node.id());
    }
    return model.of(inputs.withSocial(b.trust().seenBy(viewer, ReputationReader.trustKey(node))));
  }

  /**
   * How {@code viewer} (a Nostr key) sees every node's reputation, or empty when it sees what
   * everyone sees: it follows no one, so the global scores apply. The scheduler scores nodes this
   * way for a tenant, so the operators the tenant's follows trust get more of its work.
   */
  public Optional<Perspective> perspectiveOf(String viewer) {
    Board b = board;
    if (!b.trust().hasPerspective(viewer)) {
      return Optional.empty();
    }
    return Optional.of(
        (nodeId, otherwise) -> {
          ReputationInputs inputs = b.inputs().get(nodeId);
          return inputs == null
              ? otherwise
              : model
                  .of(inputs.withSocial(b.trust().seenBy(viewer, b.trustKeys().get(nodeId))))
                  .score();
        });
  }

  /**
   * The node's score as {@code viewer} sees it (everyone's when it has no perspective of its own),
   * or {@code otherwise} for a node not computed yet.
   */
  public double score(String nodeId, String viewer, double otherwise) {
    Optional<Perspective> own = perspectiveOf(viewer);
    if (own.isPresent()) {
      return own.get().score(nodeId, otherwise);
    }
    Reputation global = board.global().get(nodeId);
    return global == null ? otherwise : global.score();
  }

  private ReputationInputs fromRow(Node node, double uptimePercent) {
    return new ReputationInputs(
        uptimePercent,
        node.totalVmsHosted(),
        node.successfulCompletions(),
        Duration.between(node.registeredAt(), clock.instant()).toDays(),
        ReviewStats.NONE,
        0,
        0,
        0,
        null,
        null);
  }

  /**
   * A review changes its node's reputation at once, not at the next refresh (the follow graph,
   * costlier to rebuild, stays as it is).
   */
  public void onReview(@Observes(during = TransactionPhase.AFTER_SUCCESS) NodeReviewed reviewed) {
    recompute(board.trust());
  }

  /** So does a node's new (or withdrawn) attestation. */
  public void onAttested(@Observes(during = TransactionPhase.AFTER_SUCCESS) NodeAttested attested) {
    recompute(board.trust());
  }

  @Timeout
  void refresh() {
    TrustGraph trust = board.trust();
    try {
      trust = new TrustGraph(reader.follows());
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "Follow graph not rebuilt, the last one stays: {0}", e);
    }
    recompute(trust);
  }

  private void recompute(TrustGraph trust) {
    try {
      ReputationReader.Snapshot snapshot = reader.read(clock.instant());
      Map<String, Reputation> global = new HashMap<>();
      snapshot
          .inputs()
          .forEach(
              (nodeId, inputs) ->
                  global.put(
                      nodeId,
                      model.of(inputs.withSocial(trust.global(snapshot.trustKeys().get(nodeId))))));
      board = new Board(snapshot.inputs(), snapshot.trustKeys(), trust, Map.copyOf(global));
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "Reputations not refreshed: {0}", e.toString());
    }
  }
}
