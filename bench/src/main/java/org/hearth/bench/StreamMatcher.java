package org.hearth.bench;

/**
 * Finds a byte sequence in a stream that arrives in pieces, a match possibly spanning pieces
 * (Knuth-Morris-Pratt, so each byte is looked at once however large the stream).
 */
final class StreamMatcher {
  private final byte[] pattern;
  private final int[] fallback;
  private int matched;

  StreamMatcher(byte[] pattern) {
    if (pattern.length == 0) {
      throw new IllegalArgumentException("empty pattern");
    }
    this.pattern = pattern.clone();
    this.fallback = new int[pattern.length];
    for (int i = 1, k = 0; i < pattern.length; i++) {
      while (k > 0 && pattern[i] != pattern[k]) {
        k = fallback[k - 1];
      }
      if (pattern[i] == pattern[k]) {
        k++;
      }
      fallback[i] = k;
    }
  }

  /**
   * Feeds the next piece of the stream.
   *
   * @return the index in {@code bytes} just after the first complete match, or -1 if none ended in
   *     this piece
   */
  int feed(byte[] bytes, int offset, int length) {
    for (int i = offset; i < offset + length; i++) {
      while (matched > 0 && bytes[i] != pattern[matched]) {
        matched = fallback[matched - 1];
      }
      if (bytes[i] == pattern[matched]) {
        matched++;
      }
      if (matched == pattern.length) {
        matched = fallback[matched - 1];
        return i + 1;
      }
    }
    return -1;
  }
}
