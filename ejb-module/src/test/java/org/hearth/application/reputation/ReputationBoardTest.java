package org.hearth.application.reputation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.hearth.domain.reputation.ReviewStats;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReputationBoardTest {

  private static final String TENANT = "t".repeat(64);
  private static final String STRANGER = "s".repeat(64);
  private static final String OPERATOR_A = "a".repeat(64);
  private static final String OPERATOR_B = "b".repeat(64);
  private static final String FRIEND = "f".repeat(64);

  private final ReputationBoard board = new ReputationBoard();

  /** Two nodes alike in everything but who vouches for their operators. */
  @BeforeEach
  void refresh() {
    ReputationInputs alike =
        new ReputationInputs(99.5, 10, 9, 30, ReviewStats.NONE, 0, 100, 1, null, null);
    board.model = new ReputationModel(new ReputationWeights(0.4, 0.3, 0.2, 0.1, 0.1, 10));
    board.clock = Clock.fixed(Instant.parse("2026-12-05T12:00:00Z"), ZoneOffset.UTC);
    board.reader =
        new ReputationReader() {
          @Override
          public Snapshot read(Instant now) {
            return new Snapshot(
                Map.of("node-a", alike, "node-b", alike),
                Map.of("node-a", OPERATOR_A, "node-b", OPERATOR_B));
          }

          @Override
          public FollowGraph follows() {
            // The tenant follows a friend who follows A; the crowd (three keys) follows B.
            return FollowGraph.of(
                Map.of(
                    TENANT,
                    List.of(FRIEND),
                    FRIEND,
                    List.of(OPERATOR_A),
                    "c1".repeat(32),
                    List.of(OPERATOR_B),
                    "c2".repeat(32),
                    List.of(OPERATOR_B),
                    "c3".repeat(32),
                    List.of(OPERATOR_B)));
          }
        };
    board.refresh();
  }

  @Test
  void aTenantWhoFollowsAnyoneSeesTrustFromItsOwnFollows() {
    ReputationBoard.Perspective tenant = board.perspectiveOf(TENANT).orElseThrow();

    double a = tenant.score("node-a", -1);
    double b = tenant.score("node-b", -1);

    assertTrue(a > b, "A is trusted by the tenant's friend: " + a + " vs " + b);
  }

  @Test
  void everyoneElseSeesTheCrowdsTrust() {
    assertTrue(board.perspectiveOf(STRANGER).isEmpty());
    assertTrue(board.perspectiveOf(null).isEmpty());
  }

  @Test
  void aNodeNotComputedYetKeepsTheScoreItWasGiven() {
    assertEquals(0.42, board.perspectiveOf(TENANT).orElseThrow().score("node-new", 0.42));
  }
}
