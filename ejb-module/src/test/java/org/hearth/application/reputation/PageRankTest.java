package org.hearth.application.reputation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PageRankTest {

  /** Alice follows Bob and Carol; Bob follows Dave; a Sybil ring of three follows itself. */
  private static final FollowGraph GRAPH =
      FollowGraph.of(
          Map.of(
              "alice", List.of("bob", "carol", "alice"),
              "bob", List.of("dave", "dave"),
              "sybil1", List.of("sybil2", "sybil3"),
              "sybil2", List.of("sybil1", "sybil3"),
              "sybil3", List.of("sybil1", "sybil2")));

  private static double sum(double[] ranks) {
    double s = 0;
    for (double r : ranks) {
      s += r;
    }
    return s;
  }

  private static double rank(double[] ranks, String key) {
    return ranks[GRAPH.indexOf(key).getAsInt()];
  }

  @Test
  void theGraphDropsSelfFollowsAndRepeats() {
    assertEquals(7, GRAPH.size());
    assertEquals(List.of("bob", "carol"), GRAPH.followsOf("alice"));
    assertEquals(List.of("dave"), GRAPH.followsOf("bob"));
    assertEquals(9, GRAPH.follows());
  }

  @Test
  void personalizedTrustOnlyReachesWhatTheViewerFollowsDirectlyOrNot() {
    double[] ranks = PageRank.personalized(GRAPH, GRAPH.indexOf("alice").getAsInt());
    assertEquals(1.0, sum(ranks), 1e-3);
    assertTrue(rank(ranks, "bob") > 0);
    assertEquals(rank(ranks, "bob"), rank(ranks, "carol"), 1e-9, "equal shares of alice's trust");
    assertTrue(rank(ranks, "dave") > 0, "a follow of a follow");
    assertTrue(rank(ranks, "dave") < rank(ranks, "bob"), "trust fades with distance");
    for (String sybil : List.of("sybil1", "sybil2", "sybil3")) {
      assertEquals(0, rank(ranks, sybil), "a ring alice does not follow gains nothing");
    }
  }

  @Test
  void globallyTheRingHoldsRankItCanOnlyLendToItself() {
    double[] ranks = PageRank.global(GRAPH);
    assertEquals(1.0, sum(ranks), 1e-3);
    assertTrue(rank(ranks, "sybil1") > rank(ranks, "carol"));
  }

  @Test
  void trustIsRelativeToTheBestRankedKeyAndGlobalTrustCountsHalf() {
    TrustGraph trust = new TrustGraph(GRAPH);
    SocialTrust bob = trust.seenBy("alice", "bob");
    assertEquals("viewer", bob.perspective());
    assertEquals(1.0, bob.value(), 1e-9, "bob is (with carol) the best-trusted key for alice");
    assertEquals(0.0, trust.seenBy("alice", "sybil1").value());
    assertTrue(trust.seenBy("alice", "dave").value() < 1.0);
    SocialTrust anonymous = trust.seenBy(null, "sybil1");
    assertEquals("global", anonymous.perspective());
    assertTrue(anonymous.value() <= SocialTrust.GLOBAL_DAMPING);
    assertEquals("global", trust.seenBy("carol", "bob").perspective(), "carol follows no one");
    assertNull(trust.global("stranger"), "absent for a key no follow list names");
  }
}
