package org.hearth.protocol.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {

  private static final Duration BASE = Duration.ofSeconds(1);
  private static final Duration CAP = Duration.ofSeconds(30);

  @Test
  void theCeilingDoublesUpToTheCap() {
    Backoff backoff = new Backoff(BASE, CAP, () -> 0.999999);

    List<Long> delays = IntStream.range(0, 8).mapToObj(i -> backoff.next().toMillis()).toList();

    assertEquals(List.of(999L, 1999L, 3999L, 7999L, 15999L, 29999L, 29999L, 29999L), delays);
  }

  @Test
  void fullJitterSpreadsFromZeroToTheCeiling() {
    Backoff lowest = new Backoff(BASE, CAP, () -> 0.0);
    Backoff middle = new Backoff(BASE, CAP, () -> 0.5);
    for (int i = 0; i < 3; i++) {
      assertEquals(Duration.ZERO, lowest.next());
    }
    assertEquals(500, middle.next().toMillis());
    assertEquals(1000, middle.next().toMillis());
    assertEquals(2000, middle.next().toMillis());
  }

  @Test
  void resetStartsFromTheBaseAgain() {
    Backoff backoff = new Backoff(BASE, CAP, () -> 0.5);
    for (int i = 0; i < 10; i++) {
      backoff.next();
    }
    backoff.reset();
    assertEquals(500, backoff.next().toMillis());
  }

  @Test
  void theStandardPolicyStaysWithinItsBounds() {
    Backoff backoff = Backoff.standard();
    for (int i = 0; i < 100; i++) {
      Duration delay = backoff.next();
      assertTrue(!delay.isNegative() && delay.compareTo(CAP) < 0, delay::toString);
    }
  }
}
