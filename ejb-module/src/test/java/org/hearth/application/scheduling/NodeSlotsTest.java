package org.hearth.application.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link NodeSlots}: each region's nodes are one range of slots, live like the others. */
class NodeSlotsTest {

  private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

  private static NodeSnapshot node(String id, String region) {
    return node(id, region, 0.5);
  }

  private static NodeSnapshot node(String id, String region, double reputation) {
    return new NodeSnapshot(id, region, Set.of(), null, null, 0, null, reputation, NOW);
  }

  private static List<String> ids(List<NodeSnapshot> nodes) {
    List<String> ids = new ArrayList<>();
    for (NodeSnapshot node : nodes) {
      ids.add(node == null ? null : node.id());
    }
    return ids;
  }

  private final NodeSlots slots =
      new NodeSlots(
          List.of(
              node("a1", "eu"),
              node("b1", "us"),
              node("x", null),
              node("a2", "eu"),
              node("b2", "us"),
              node("a3", "eu")));

  @Test
  void aRegionIsExactlyItsNodes() {
    assertEquals(List.of("a1", "a2", "a3"), ids(slots.region("eu")));
    assertEquals(List.of("b1", "b2"), ids(slots.region("us")));
    assertEquals(List.of(), slots.region("asia"));
    assertEquals(6, slots.size(), "every node, also one without a region, is in the view");
  }

  @Test
  void aRegionSeesItsNodesChangeAndLeave() {
    slots.update("a2", n -> node("a2", "eu", 0.9));
    slots.remove("a3");

    List<NodeSnapshot> eu = slots.region("eu");
    assertEquals(0.9, eu.get(1).reputation());
    assertNull(eu.get(2));
    assertEquals(1, slots.stream().filter(Objects::isNull).count());
    assertEquals(0.9, slots.find("a2").orElseThrow().reputation());
  }
}
