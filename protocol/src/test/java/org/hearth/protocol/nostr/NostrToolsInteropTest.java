package org.hearth.protocol.nostr;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.hearth.protocol.nostr.nip98.InMemoryReplayGuard;
import org.hearth.protocol.nostr.nip98.Nip98Auth;
import org.hearth.protocol.nostr.nip98.Nip98Exception;
import org.hearth.protocol.nostr.nip98.Nip98Verifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hearth against nostr-tools (npm), run with node from the directory the build installs it in
 * (system property {@code nostr.tools.dir}).
 */
class NostrToolsInteropTest {
  private static final Path NOSTR_TOOLS =
      Path.of(System.getProperty("nostr.tools.dir", "target/nostr-tools"));

  /** Escapes all non-ASCII, so that unpaired surrogates reach node intact. */
  private static final ObjectMapper REQUESTS =
      JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

  private static final String URL = "https://hearth.example/api/vms?zone=eu&limit=5";

  private static final List<List<String>> TAGS =
      List.of(
          List.of(
              "e",
              "5c83da77af1dec6d7289834998ad7aafbd9e2191396d75ec3cc27f5a77226f36",
              "wss://r.example"),
          List.of("p", "f9308a019258c31049344f85f89d5229b531c845836f99b08601f113bce036f9"),
          List.of("t", "quo\"te", "back\\slash", "new\nline", "tab\t", "ctl\u0001"),
          List.of("emoji", "😀🏳️‍🌈"),
          List.of("empty", ""),
          List.of("solo"),
          List.of("param", "cores", "2", "memory", "4096", "region", "eu"));

  private final NostrKeyPair keys = NostrKeyPair.generate();

  static Stream<String> contents() {
    return Stream.of(
        "",
        "plain text",
        "unicode é ß 漢字 عربي and emoji 😀 👩‍👩‍👧 🏳️‍🌈",
        "quotes \" 'single' and backslashes \\ \\\\ \\n",
        "lines\nand\r\nwindows\ttabs\bbackspace\fformfeed",
        "control \u0000 \u0001 \u0008 \u000b \u001b \u001f del \u007f c1 \u0085",
        "separators \u2028 \u2029 bom \ufeff nbsp \u00a0",
        "unpaired surrogates \ud800 x \udc00 \ud83d",
        "json inside {\"a\":[1,\"b\"]} and html </script><!--");
  }

  @BeforeAll
  static void requireNostrTools() {
    assertTrue(
        Files.isDirectory(NOSTR_TOOLS.resolve("node_modules/nostr-tools")),
        "nostr-tools is not installed in "
            + NOSTR_TOOLS.toAbsolutePath()
            + ": run mvn generate-test-resources");
  }

  @ParameterizedTest
  @MethodSource("contents")
  void eventsSignedByNostrToolsVerifyInHearthWithTheSameId(String content) throws Exception {
    Map<String, Object> request = new HashMap<>();
    request.put("op", "event");
    request.put("secretKey", keys.secretKeyHex());
    request.put("kind", 5900);
    request.put("tags", TAGS);
    request.put("content", content);
    request.put("created_at", 1700000000);
    NostrEvent event =
        NostrEvent.fromJson(node("nostr-sign.mjs", REQUESTS.writeValueAsString(request)));

    assertEquals(content, event.content());
    assertEquals(TAGS, event.tags());
    assertEquals(keys.publicKeyHex(), event.pubkey());
    assertEquals(event.id(), event.computeId());
    assertTrue(EventVerifier.verify(event));
  }

  @ParameterizedTest
  @MethodSource("contents")
  void eventsSignedByHearthVerifyInNostrTools(String content) throws Exception {
    NostrEvent event = new EventSigner(keys).sign(31900, TAGS, content, Instant.now());
    assertEquals("true", node("nostr-verify.mjs", event.toJson()));
  }

  @Test
  void nostrToolsRefusesATamperedHearthEvent() throws Exception {
    NostrEvent event = new EventSigner(keys).sign(1, TAGS, "original", Instant.now());
    String tampered = event.toJson().replace("original", "tampered");
    assertEquals("false", node("nostr-verify.mjs", tampered));
  }

  @Test
  void nip98HeaderWithoutBodyFromNostrToolsIsAccepted() throws Exception {
    String header = nip98Header("GET", null, null);
    Nip98Auth auth = verifier().verify(header, URL, "GET", null, Instant.now());
    assertEquals(keys.publicKeyHex(), auth.pubkey());
  }

  /** getToken hashes JSON.stringify(payload); a compact JSON body is exactly those bytes. */
  @Test
  void nip98HeaderWithJsonBodyFromNostrToolsIsAccepted() throws Exception {
    String body = "{\"template\":\"debian\",\"cores\":2,\"name\":\"ünïcødé 😀\"}";
    String header = nip98Header("POST", body, null);
    assertTrue(tagNames(header).contains("payload"));
    verifier().verify(header, URL, "POST", body.getBytes(UTF_8), Instant.now());
  }

  @Test
  void nip98HeaderWithOtherBodyFromNostrToolsIsAccepted() throws Exception {
    String body = "name=a b&note=\"x\"\n";
    String header = nip98Header("PUT", body, null);
    verifier().verify(header, URL, "PUT", body.getBytes(UTF_8), Instant.now());
  }

  @Test
  void nip98HeaderWithLowercaseMethodFromNostrToolsIsAccepted() throws Exception {
    verifier().verify(nip98Header("delete", null, null), URL, "DELETE", null, Instant.now());
  }

  @Test
  void expiredNip98HeaderFromNostrToolsIsRefused() throws Exception {
    String header = nip98Header("GET", null, Instant.now().minusSeconds(120).getEpochSecond());
    Nip98Exception e =
        assertThrows(
            Nip98Exception.class, () -> verifier().verify(header, URL, "GET", null, Instant.now()));
    assertEquals(Nip98Exception.Reason.EXPIRED, e.reason());
  }

  private String nip98Header(String method, String body, Long createdAt) throws Exception {
    Map<String, Object> request = new HashMap<>();
    request.put("op", "nip98");
    request.put("secretKey", keys.secretKeyHex());
    request.put("url", URL);
    request.put("method", method);
    request.put("body", body);
    if (createdAt != null) {
      request.put("created_at", createdAt);
    }
    return node("nostr-sign.mjs", REQUESTS.writeValueAsString(request));
  }

  private static Nip98Verifier verifier() {
    return new Nip98Verifier(new InMemoryReplayGuard(100));
  }

  private static List<String> tagNames(String header) {
    byte[] json = Base64.getDecoder().decode(header.substring("Nostr ".length()));
    return NostrEvent.fromJson(new String(json, UTF_8)).tags().stream().map(t -> t.get(0)).toList();
  }

  /** Runs a script with {@code input} on stdin and returns its stdout, trimmed. */
  private static String node(String script, String input) throws IOException, InterruptedException {
    Process process = new ProcessBuilder("node", script).directory(NOSTR_TOOLS.toFile()).start();
    try (OutputStream stdin = process.getOutputStream()) {
      stdin.write(input.getBytes(UTF_8));
    }
    String stdout = new String(process.getInputStream().readAllBytes(), UTF_8);
    String stderr = new String(process.getErrorStream().readAllBytes(), UTF_8);
    assertTrue(process.waitFor(30, TimeUnit.SECONDS), script + " timed out");
    assertEquals(0, process.exitValue(), script + " failed: " + stderr);
    return stdout.strip();
  }
}
