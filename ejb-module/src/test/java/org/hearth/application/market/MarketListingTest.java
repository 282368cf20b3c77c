package org.hearth.application.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.hearth.application.reputation.Reputation;
import org.hearth.domain.node.Node;
import org.hearth.domain.node.NodeListing;
import org.hearth.domain.node.NodeProfile;
import org.hearth.domain.node.PriceList;
import org.hearth.protocol.compute.ProviderPolicy;
import org.junit.jupiter.api.Test;

class MarketListingTest {

  private static final Instant NOW = Instant.parse("2026-12-06T07:00:00Z");

  /** The rows "in the database", and which ids each read asked for. */
  private final Map<String, Node> table = new HashMap<>();

  private final List<Collection<String>> reads = new ArrayList<>();
  private final Map<String, Double> uptimes = new HashMap<>();

  private final Function<Collection<String>, List<Node>> read =
      ids -> {
        reads.add(List.copyOf(ids));
        return ids.stream().filter(table::containsKey).map(table::get).toList();
      };

  private MarketListing next(MarketListing previous, Map<String, Long> versions) {
    return previous.next(
        versions,
        read,
        row -> uptimes.getOrDefault(row.id(), 100.0),
        (row, uptimePercent) -> new Reputation(uptimePercent / 100, List.of()));
  }

  private static Node node(String machine) {
    NodeProfile profile =
        new NodeProfile(
            "eu-west",
            List.of("ssd"),
            machine,
            "x86_64",
            4,
            8192,
            100,
            List.of(),
            4000,
            PriceList.of(3, 0, 0, 0),
            ProviderPolicy.OPEN);
    return new Node("a".repeat(64), machine, profile, NOW);
  }

  /** Row versions as the database reports them: every row at 0 (none saved twice). */
  private Map<String, Long> versions() {
    Map<String, Long> versions = new HashMap<>();
    table.keySet().forEach(id -> versions.put(id, 0L));
    return versions;
  }

  private Node add(String machine) {
    Node node = node(machine);
    table.put(node.id(), node);
    return node;
  }

  @Test
  void theFirstReadReadsEveryRow() {
    Node one = add("one");
    Node two = add("two");

    MarketListing listing = next(MarketListing.EMPTY, versions());

    assertEquals(1, reads.size());
    assertEquals(2, reads.get(0).size());
    assertEquals(2, listing.entries().size());
    assertEquals("one", listing.get(one.id()).description());
    assertEquals("two", listing.get(two.id()).description());
  }

  @Test
  void unchangedRowsAreNotReadAgainAndTheirEntriesAreKept() {
    Node one = add("one");
    MarketListing first = next(MarketListing.EMPTY, versions());
    reads.clear();

    MarketListing second = next(first, versions());

    assertEquals(List.of(), reads);
    assertSame(first.get(one.id()), second.get(one.id()));
  }

  @Test
  void aRowWhoseVersionMovedIsReadAgainAndListedAsItIsNow() {
    Node one = add("one");
    Node two = add("two");
    MarketListing first = next(MarketListing.EMPTY, versions());
    reads.clear();
    Node edited = node("one");
    edited.editListing(new NodeListing("us-east", null, null, null, null, null, null), NOW);
    table.put(one.id(), edited);
    Map<String, Long> versions = versions();
    versions.put(one.id(), 1L);

    MarketListing second = next(first, versions);

    assertEquals(List.of(List.of(one.id())), reads);
    assertEquals("us-east", second.get(one.id()).region());
    assertSame(first.get(two.id()), second.get(two.id()));
  }

  @Test
  void aNewUptimeRebuildsTheEntryWithoutReadingTheRow() {
    Node one = add("one");
    MarketListing first = next(MarketListing.EMPTY, versions());
    reads.clear();
    uptimes.put(one.id(), 97.5);

    MarketListing second = next(first, versions());

    assertEquals(List.of(), reads);
    assertNotSame(first.get(one.id()), second.get(one.id()));
    assertEquals(97.5, second.get(one.id()).uptimePercent());
    assertEquals(0.975, second.get(one.id()).score());
  }

  @Test
  void nodesGoneFromTheDatabaseLeaveAndNewOnesJoin() {
    Node one = add("one");
    MarketListing first = next(MarketListing.EMPTY, versions());
    reads.clear();
    table.remove(one.id());
    Node two = add("two");

    MarketListing second = next(first, versions());

    assertEquals(List.of(List.of(two.id())), reads);
    assertNull(second.get(one.id()));
    assertEquals(List.of(two.id()), second.entries().stream().map(MarketNode::id).toList());
  }
}
