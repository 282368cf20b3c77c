package org.hearth.protocol.nostr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NostrEventTest {
  /**
   * The example event of NIP-98, signed by snort.social. NIP-98 prints it with a {@code u} tag, but
   * it was signed with the {@code url} tag of an earlier draft (as its base64 example shows).
   */
  private static final String NIP98_EXAMPLE =
      """
      {
          "id": "fe964e758903360f28d8424d092da8494ed207cba823110be3a57dfe4b578734",
          "pubkey": "63fe6318dc58583cfe16810f86dd09e18bfd76aabc24a0081ce2856f330504ed",
          "content": "",
          "kind": 27235,
          "created_at": 1682327852,
          "tags": [
              ["url", "https://api.snort.social/api/v1/n5sp/list"],
              ["method", "GET"]
          ],
          "sig": "5ed9d8ec958bc854f997bdc24ac337d005af372324747efe4a00e24f4c30437ff4dd8308684bed467d9d6be3e5a517bb43b1732cc7d33949a3aaf86705c22184"
      }
      """;

  @Test
  void parsesAndVerifiesARealEvent() {
    NostrEvent event = NostrEvent.fromJson(NIP98_EXAMPLE);
    assertEquals(1682327852, event.createdAt());
    assertEquals(27235, event.kind());
    assertEquals(List.of("method", "GET"), event.tags().get(1));
    assertEquals("", event.content());
    assertTrue(EventVerifier.verify(event));
  }

  @Test
  void roundTripsThroughJson() {
    NostrEvent event = NostrEvent.fromJson(NIP98_EXAMPLE);
    assertEquals(event, NostrEvent.fromJson(event.toJson()));
    assertTrue(event.toJson().startsWith("{\"id\":\"fe964e75"));
  }

  @Test
  void keepsCharactersThatJsonStringifyEscapesThroughARoundTrip() {
    NostrEvent signed =
        new EventSigner(NostrKeyPair.generate())
            .sign(1, List.of(), "\u0001 \ud800 \"\\\n 😀", Instant.EPOCH);
    NostrEvent parsed = NostrEvent.fromJson(signed.toJson());
    assertEquals(signed, parsed);
    assertTrue(EventVerifier.verify(parsed));
  }

  @Test
  void findsTheValueOfASingleTagOnly() {
    NostrEvent event =
        new EventSigner(NostrKeyPair.generate())
            .sign(
                22242,
                List.of(
                    List.of("challenge", "c"),
                    List.of("relay", "wss://a"),
                    List.of("relay", "wss://b"),
                    List.of("empty")),
                "",
                Instant.ofEpochSecond(1_700_000_000));
    assertEquals(Optional.of("c"), event.singleTag("challenge"));
    assertEquals(Optional.empty(), event.singleTag("relay"), "two relay tags");
    assertEquals(Optional.empty(), event.singleTag("empty"), "a tag without a value");
    assertEquals(Optional.empty(), event.singleTag("p"));
  }

  @Test
  void ignoresUnknownFields() {
    String json = NIP98_EXAMPLE.replace("\"content\": \"\",", "\"content\": \"\", \"extra\": 1,");
    assertTrue(EventVerifier.verify(NostrEvent.fromJson(json)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"id", "pubkey", "created_at", "kind", "tags", "content", "sig"})
  void refusesAMissingField(String field) {
    String json = NIP98_EXAMPLE.replaceFirst("\"" + field + "\"", "\"renamed\"");
    InvalidEventException e = assertRefused(json);
    assertEquals("event has no \"" + field + "\" field", e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          "content": ""                   | "content": null                 | "content" must be a string
          "content": ""                   | "content": 5                    | "content" must be a string
          "kind": 27235                   | "kind": "27235"                 | "kind" must be an integer
          "kind": 27235                   | "kind": 27235.0                 | "kind" must be an integer
          "kind": 27235                   | "kind": 65536                   | kind must be between 0 and 65535: 65536
          "kind": 27235                   | "kind": -1                      | kind must be between 0 and 65535: -1
          "kind": 27235                   | "kind": 4294967296              | "kind" must be an integer
          "created_at": 1682327852        | "created_at": 1682327852.5      | "created_at" must be an integer number of seconds
          "created_at": 1682327852        | "created_at": 1.682327852e9     | "created_at" must be an integer number of seconds
          "created_at": 1682327852        | "created_at": "1682327852"      | "created_at" must be an integer number of seconds
          "created_at": 1682327852        | "created_at": 99999999999999999999 | "created_at" must be an integer number of seconds
          "created_at": 1682327852        | "created_at": -1                | created_at must be between 0 and 9007199254740991: -1
          "created_at": 1682327852        | "created_at": 9007199254740992  | created_at must be between 0 and 9007199254740991: 9007199254740992
          ["method", "GET"]               | ["method", 1]                   | each tag must be an array of strings
          ["method", "GET"]               | ["method", null]                | each tag must be an array of strings
          ["method", "GET"]               | "method"                        | each tag must be an array of strings
          "id": "fe964e75                 | "id": "FE964E75                 | id must be 64 lowercase hex characters
          "id": "fe964e75                 | "id": "fe964e7                  | id must be 64 lowercase hex characters
          "pubkey": "63fe                 | "pubkey": "63fg                 | pubkey must be 64 lowercase hex characters
          "pubkey": "63fe                 | "pubkey": "63fe00               | pubkey must be 64 lowercase hex characters
          "sig": "5ed9                    | "sig": "5ED9                    | sig must be 128 lowercase hex characters
          "sig": "5ed9                    | "sig": 5                        | "sig" must be a string
          """)
  void refusesAFieldOfTheWrongTypeOrForm(String original, String replacement, String message) {
    String json = NIP98_EXAMPLE.replace(original, replacement);
    if (replacement.equals("\"sig\": 5")) {
      json = json.replaceFirst("\"sig\": 5[0-9a-f]*\"", "\"sig\": 5");
    }
    assertEquals(message, assertRefused(json).getMessage());
  }

  @Test
  void refusesTagsThatAreNotAnArray() {
    String json = NIP98_EXAMPLE.replaceFirst("(?s)\"tags\": \\[.*?\n    \\],", "\"tags\": {},");
    assertEquals("\"tags\" must be an array", assertRefused(json).getMessage());
  }

  @Test
  void refusesDuplicateKeys() {
    String json =
        NIP98_EXAMPLE.replace("\"content\": \"\",", "\"content\": \"\", \"content\": \"other\",");
    assertTrue(assertRefused(json).getMessage().startsWith("event is not valid JSON"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "[]", "\"event\"", "null", "{\"id\": ", "{} {}"})
  void refusesWhatIsNotOneJsonObject(String json) {
    assertRefused(json);
  }

  @Test
  void refusesNull() {
    assertEquals("event JSON is missing", assertRefused(null).getMessage());
  }

  @Test
  void refusesTrailingData() {
    assertTrue(assertRefused(NIP98_EXAMPLE + "{}").getMessage().startsWith("event is not valid"));
  }

  @Test
  void copiesTags() {
    List<String> tag = new ArrayList<>(Arrays.asList("t", "a"));
    List<List<String>> tags = new ArrayList<>(List.of(tag));
    NostrEvent event = NostrEvent.fromJson(NIP98_EXAMPLE);
    NostrEvent copy =
        new NostrEvent(event.id(), event.pubkey(), 1, 1, tags, event.content(), event.sig());
    tag.set(1, "changed");
    tags.add(List.of("x"));
    assertEquals(List.of(List.of("t", "a")), copy.tags());
    assertThrows(UnsupportedOperationException.class, () -> copy.tags().add(List.of()));
  }

  private static InvalidEventException assertRefused(String json) {
    return assertThrows(InvalidEventException.class, () -> NostrEvent.fromJson(json));
  }
}
