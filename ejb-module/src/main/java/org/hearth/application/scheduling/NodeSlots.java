package org.hearth.application.scheduling;

import java.util.AbstractList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.UnaryOperator;

/**
 * Node snapshots in fixed slots: replacing one is O(1) and safe while decisions read, and a
 * decision can start its walk at any slot. A node that leaves leaves an empty (null) slot; nodes
 * join only when the view is read again.
 */
final class NodeSlots extends AbstractList<NodeSnapshot> implements RandomAccess {

  private final AtomicReferenceArray<NodeSnapshot> slots;
  private final Map<String, Integer> slotOf = new HashMap<>();

  NodeSlots(List<NodeSnapshot> nodes) {
    slots = new AtomicReferenceArray<>(nodes.size());
    for (int i = 0; i < nodes.size(); i++) {
      slots.set(i, nodes.get(i));
      slotOf.put(nodes.get(i).id(), i);
    }
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
