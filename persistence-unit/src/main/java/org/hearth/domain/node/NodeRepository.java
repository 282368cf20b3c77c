package org.hearth.domain.node;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Where nodes and their missed-heartbeat history are kept. */
public interface NodeRepository {

  Optional<Node> find(String id);

  void add(Node node);

  /** The online nodes heard from since {@code heardSince}, with their tags loaded. */
  List<Node> online(Instant heardSince);

  /** The nodes the account has claimed as their operator, newest first. */
  List<Node> operatedBy(String accountId);

  /**
   * Every node, with its tags and GPUs, for the marketplace's in-memory view and the reputation
   * board: read-only, changes to them are not saved.
   */
  List<Node> all();

  /** Every node's row version, by node id. */
  Map<String, Long> versions();

  /** The nodes of {@code ids} that exist, read as {@link #all()} reads them. */
  List<Node> withIds(Collection<String> ids);

  /** A node's missed heartbeat intervals per UTC day, from {@code from} on. */
  Map<LocalDate, Long> missedByDay(String nodeId, LocalDate from);

  /** The node read as it is now and locked for update until the transaction ends. */
  Optional<Node> lock(String id);

  /** The nodes of one page, ordered by registration time, newest first. */
  List<Node> search(NodeQuery query);

  long count(NodeQuery query);

  /**
   * Marks online nodes offline whose last heartbeat is older than {@code cutoff} but not older than
   * {@code heardSince} ({@link Instant#EPOCH} for no lower bound).
   */
  int markOfflineIfSilentSince(Instant cutoff, Instant heardSince);

  /**
   * The offline nodes last seen, and with downtime counted, no later than {@code due}: those with
   * at least one whole missed interval not yet counted when {@code due = now - interval}.
   */
  List<String> offlineNodeIdsSeenBefore(Instant due);

  /** Adds missed heartbeat intervals to a node's count for one UTC day. */
  void addMissed(String nodeId, LocalDate day, long intervals);

  /** The missed intervals per node recorded on {@code from} or later. */
  Map<String, Long> missedSince(Collection<String> nodeIds, LocalDate from);

  /** The missed intervals of every node that has any recorded on {@code from} or later. */
  Map<String, Long> missedPerNodeSince(LocalDate from);

  /** Drops the missed-heartbeat days before {@code day}. */
  int dropMissedBefore(LocalDate day);

  /** Records that the node was offline from {@code from} until {@code to} (idempotent). */
  void addOutage(String nodeId, Instant from, Instant to);
}
