package org.hearth.application.nostr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hearth.protocol.nostr.EventSigner;
import org.hearth.protocol.nostr.NostrEvent;
import org.hearth.protocol.nostr.NostrKeyPair;
import org.junit.jupiter.api.Test;

class RelayFilterTest {

  private static final NostrKeyPair KEY = NostrKeyPair.generate();
  private static final NostrEvent EVENT =
      new EventSigner(KEY)
          .sign(
              1,
              List.of(List.of("t", "compute"), List.of("p", "ab".repeat(32))),
              "hi",
              java.time.Instant.ofEpochSecond(1000));

  private static RelayFilter filter(
      Set<String> ids, Set<Integer> kinds, Map<String, Set<String>> tags, Long since, Long until) {
    return new RelayFilter(ids, Set.of(), kinds, tags, since, until, null);
  }

  @Test
  void anEmptyFilterMatchesEverything() {
    assertTrue(filter(Set.of(), Set.of(), Map.of(), null, null).matches(EVENT));
  }

  @Test
  void everyConditionMustHold() {
    assertTrue(filter(Set.of(EVENT.id()), Set.of(1, 7), Map.of(), 1000L, 1000L).matches(EVENT));
    assertFalse(filter(Set.of("00".repeat(32)), Set.of(), Map.of(), null, null).matches(EVENT));
    assertFalse(filter(Set.of(), Set.of(7), Map.of(), null, null).matches(EVENT));
    assertFalse(filter(Set.of(), Set.of(), Map.of(), 1001L, null).matches(EVENT));
    assertFalse(filter(Set.of(), Set.of(), Map.of(), null, 999L).matches(EVENT));
    RelayFilter byAuthor =
        new RelayFilter(Set.of(), Set.of(KEY.publicKeyHex()), Set.of(), Map.of(), null, null, 5);
    assertTrue(byAuthor.matches(EVENT));
  }

  @Test
  void tagConditionsNeedOneOfTheirValuesEach() {
    assertTrue(
        filter(Set.of(), Set.of(), Map.of("t", Set.of("x", "compute")), null, null).matches(EVENT));
    assertTrue(
        filter(
                Set.of(),
                Set.of(),
                Map.of("t", Set.of("compute"), "p", Set.of("ab".repeat(32))),
                null,
                null)
            .matches(EVENT));
    assertFalse(
        filter(Set.of(), Set.of(), Map.of("t", Set.of("compute"), "e", Set.of("x")), null, null)
            .matches(EVENT));
  }

  @Test
  void kindsAreKeptByTheirRange() {
    assertEquals(EventKinds.REPLACEABLE, EventKinds.of(0));
    assertEquals(EventKinds.REPLACEABLE, EventKinds.of(3));
    assertEquals(EventKinds.REPLACEABLE, EventKinds.of(10032));
    assertEquals(EventKinds.REGULAR, EventKinds.of(1));
    assertEquals(EventKinds.REGULAR, EventKinds.of(5900));
    assertEquals(EventKinds.EPHEMERAL, EventKinds.of(20001));
    assertEquals(EventKinds.ADDRESSABLE, EventKinds.of(31900));
    assertEquals(EventKinds.REGULAR, EventKinds.of(40000));
  }
}
