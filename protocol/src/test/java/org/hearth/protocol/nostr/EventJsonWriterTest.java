package org.hearth.protocol.nostr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class EventJsonWriterTest {
  private static final String PUBKEY =
      "f9308a019258c31049344f85f89d5229b531c845836f99b08601f113bce036f9";

  @Test
  void writesTheNip01ArrayWithoutWhitespace() {
    String canonical =
        EventJsonWriter.canonical(
            PUBKEY, 1700000000, 1, List.of(List.of("t", "a"), List.of("solo")), "hi");
    assertEquals(
        "[0,\"" + PUBKEY + "\",1700000000,1,[[\"t\",\"a\"],[\"solo\"]],\"hi\"]", canonical);
  }

  @Test
  void escapesWhatNip01ListsInShortForm() {
    assertContentWritten("\n\r\t\b\f\"\\", "\\n\\r\\t\\b\\f\\\"\\\\");
  }

  @Test
  void escapesOtherControlCharactersAndUnpairedSurrogatesAsJsonStringifyDoes() {
    assertContentWritten("\u0000\u0001\u001f", "\\u0000\\u0001\\u001f");
    assertContentWritten("\ud800", "\\ud800");
    assertContentWritten("x\udc00", "x\\udc00");
    assertContentWritten("\ud800\ud83d\ude00", "\\ud800\ud83d\ude00");
    assertContentWritten("\ud83d\ude00\udc00", "\ud83d\ude00\\udc00");
  }

  @Test
  void writesEverythingElseVerbatim() {
    String verbatim = "\u007f \u2028\u2029 é 漢 \ud83d\ude00 ' / <>";
    assertContentWritten(verbatim, verbatim);
  }

  @Test
  void escapesQuotesAndBackslashesInContentAndTags() {
    String canonical =
        EventJsonWriter.canonical(PUBKEY, 0, 1, List.of(List.of("q", "a\"b\\c")), "\"\\");
    assertEquals("[0,\"" + PUBKEY + "\",0,1,[[\"q\",\"a\\\"b\\\\c\"]],\"\\\"\\\\\"]", canonical);
  }

  /** Known answer from nostr-tools 2.25.2's finalizeEvent with secret key 3. */
  @Test
  void matchesTheIdNostrToolsComputes() {
    String content =
        "quote \" backslash \\ lf \n cr \r tab \t bs \b ff \f ctl \u0001 \u001f del \u007f"
            + " ls \u2028 é 漢 \ud83d\ude00 lone \ud800 end \udc00";
    List<List<String>> tags =
        List.of(
            List.of(
                "e",
                "5c83da77af1dec6d7289834998ad7aafbd9e2191396d75ec3cc27f5a77226f36",
                "wss://r.example"),
            List.of("t", "x\"y\\z\n"),
            List.of("empty", ""),
            List.of("solo"));
    NostrEvent event =
        new NostrEvent(
            "979b7d191419221642e45757828bc8b555650dca486456d6ad0096198400a0dc",
            PUBKEY,
            1700000000,
            31900,
            tags,
            content,
            "0".repeat(128));
    assertEquals(event.id(), event.computeId());
  }

  private static void assertContentWritten(String content, String expectedLiteralBody) {
    assertEquals(
        "[0,\"" + PUBKEY + "\",0,1,[],\"" + expectedLiteralBody + "\"]",
        EventJsonWriter.canonical(PUBKEY, 0, 1, List.of(), content));
  }
}
