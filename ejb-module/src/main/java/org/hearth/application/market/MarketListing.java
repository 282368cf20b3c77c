package org.hearth.application.market;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.hearth.application.reputation.Reputation;
import org.hearth.application.reputation.ReputationBoard;
import org.hearth.domain.node.Node;

/**
 * Every node's marketplace entry with the row it was built from, and how the next read reuses them:
 * a row whose version did not move is not read again, and an entry whose row, uptime and reputation
 * are all unchanged is kept as it is. Between two refreshes few nodes change, so a refresh reads a
 * handful of rows instead of all of them and leaves little garbage behind.
 */
public final class MarketListing {

  /** The listing before the first read. */
  public static final MarketListing EMPTY = new MarketListing(Map.of());

  /** A node's row as last read and the entry built from it. */
  record Listed(Node row, MarketNode entry) {}

  private final Map<String, Listed> byId;
  private final List<MarketNode> entries;
  private final MarketIndex index;

  private MarketListing(Map<String, Listed> byId) {
    this.byId = byId;
    this.entries = byId.values().stream().map(Listed::entry).toList();
    this.index = MarketIndex.of(entries);
  }

  /** The entries, in no particular order. */
  public List<MarketNode> entries() {
    return entries;
  }

  /** The entries laid out for searching. */
  public MarketIndex index() {
    return index;
  }

  /** The node's entry, or null when it is not listed. */
  public MarketNode get(String nodeId) {
    Listed listed = byId.get(nodeId);
    return listed == null ? null : listed.entry();
  }

  /**
   * The listing of the nodes whose row versions are {@code versions} now: rows whose version
   * changed, and new ones, come from {@code read}; nodes missing from {@code versions} are gone.
   */
  MarketListing next(
      Map<String, Long> versions,
      Function<Collection<String>, List<Node>> read,
      ToDoubleFunction<Node> uptime,
      ReputationBoard.Global reputation) {
    Map<String, Node> rows = new HashMap<>(versions.size() * 2);
    List<String> stale = new ArrayList<>();
    versions.forEach(
        (id, version) -> {
          Listed known = byId.get(id);
          if (known != null && known.row().version() == version) {
            rows.put(id, known.row());
          } else {
            stale.add(id);
          }
        });
    if (!stale.isEmpty()) {
      read.apply(stale).forEach(row -> rows.put(row.id(), row));
    }
    Map<String, Listed> next = new LinkedHashMap<>(rows.size() * 2);
    rows.forEach((id, row) -> next.put(id, relist(byId.get(id), row, uptime, reputation)));
    return new MarketListing(next);
  }

  private static Listed relist(
      Listed known, Node row, ToDoubleFunction<Node> uptimes, ReputationBoard.Global reputations) {
    double uptime = uptimes.applyAsDouble(row);
    Reputation reputation = reputations.of(row, uptime);
    if (known != null
        && known.row() == row
        && known.entry().uptimePercent() == uptime
        && known.entry().reputation().equals(reputation)) {
      return known;
    }
    return new Listed(row, MarketReader.entry(row, reputation, uptime));
  }
}
