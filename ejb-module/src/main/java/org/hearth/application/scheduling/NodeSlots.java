package org.hearth.application.scheduling;

import static java.util.Comparator.naturalOrder;
import static java.util.Comparator.nullsLast;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.UnaryOperator;

/**
 * Node snapshots in fixed slots: replacing one is O(1) and safe while decisions read, and a
 * decision can start its walk at any slot. A node that leaves leaves an empty (null) slot; nodes
 * join only when the view is read again. The slots are ordered by region, so a region's nodes are
 * one range of them: a decision for a VM that wants a region walks only that range.
 */
final class NodeSlots extends AbstractList<NodeSnapshot> implements RandomAccess {

  private final AtomicReferenceArray<NodeSnapshot> slots;
  private final Map<String, Integer> slotOf = new HashMap<>();
  private final Map<String, List<NodeSnapshot>> regions = new HashMap<>();

  NodeSlots(List<NodeSnapshot> nodes) {
    List<NodeSnapshot> byRegion = new ArrayList<>(nodes);
    byRegion.sort(Comparator.comparing(NodeSnapshot::region, nullsLast(naturalOrder())));
    slots = new AtomicReferenceArray<>(byRegion.size());
    int regionStart = 0;
    for (int i = 0; i < byRegion.size(); i++) {
      NodeSnapshot node = byRegion.get(i);
      slots.set(i, node);
      slotOf.put(node.id(), i);
      boolean regionEnds =
          i + 1 == byRegion.size() || !Objects.equals(node.region(), byRegion.get(i + 1).region());
      if (regionEnds) {
        if (node.region() != null) {
          regions.put(node.region(), subList(regionStart, i + 1));
        }
        regionStart = i + 1;
      }
    }
  }

  /** The slots of the nodes in {@code region} (none if no node is there). */
  List<NodeSnapshot> region(String region) {
    return regions.getOrDefault(region, List.of());
  }

  @Override
  public NodeSnapshot get(int index) {
    return slots.get(index);
  }

  @Override
  public int size() {
    return slots.length();
  }

  Optional<NodeSnapshot> find(String nodeId) {
    Integer slot = slotOf.get(nodeId);
    return slot == null ? Optional.empty() : Optional.ofNullable(slots.get(slot));
  }

  /** Replaces a node still in the view with what {@code change} makes of it. */
  void update(String nodeId, UnaryOperator<NodeSnapshot> change) {
    Integer slot = slotOf.get(nodeId);
    if (slot != null) {
      slots.updateAndGet(slot, node -> node == null ? null : change.apply(node));
    }
  }

  void remove(String nodeId) {
    Integer slot = slotOf.get(nodeId);
    if (slot != null) {
      slots.set(slot, null);
    }
  }
}
