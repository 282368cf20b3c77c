package org.hearth.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StreamMatcherTest {

  private static int feed(StreamMatcher matcher, String piece) {
    byte[] bytes = piece.getBytes(StandardCharsets.UTF_8);
    return matcher.feed(bytes, 0, bytes.length);
  }

  @Test
  void findsAMatchThatSpansPieces() {
    StreamMatcher matcher = new StreamMatcher("@@1001@@".getBytes(StandardCharsets.UTF_8));
    assertEquals(-1, feed(matcher, "xxxx@@10"));
    assertEquals(4, feed(matcher, "01@@\r\n$ "));
  }

  @Test
  void aFalseStartDoesNotHideTheMatchThatOverlapsIt() {
    StreamMatcher matcher = new StreamMatcher("aab".getBytes(StandardCharsets.UTF_8));
    assertEquals(4, feed(matcher, "aaab"));
  }

  @Test
  void theTypedFormOfAMarkerIsNotTheMarker() {
    StreamMatcher matcher = new StreamMatcher("@@1001@@".getBytes(StandardCharsets.UTF_8));
    assertEquals(-1, feed(matcher, "cat f; echo @@$((1001))@@\r\n"));
    assertEquals(8, feed(matcher, "@@1001@@"));
  }
}
