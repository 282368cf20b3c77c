package org.hearth.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A third-party Nostr relay (@nostr-relay/core, third-party-relay.mjs) on the port the test server
 * knows as its external relay ({@code hearth.it.nostr.port}).
 */
final class ThirdPartyRelay implements AutoCloseable {

  final int port = Integer.getInteger("hearth.it.nostr.port");
  private final Process node;

  ThirdPartyRelay() throws IOException {
    Path dir = Path.of(System.getProperty("nostr.tools.dir"));
    node =
        new ProcessBuilder("node", dir.resolve("third-party-relay.mjs").toString(), "" + port)
            .directory(dir.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    if (line == null || !line.startsWith("listening")) {
      node.destroyForcibly();
      throw new IOException("the third-party relay did not start: " + line);
    }
  }

  String url() {
    return "ws://127.0.0.1:" + port;
  }

  /**
   * Waits until Hearth's health of its external relay {@code url} ({@code GET /api/nostr/relays})
   * passes {@code wanted}, and returns it.
   */
  static JsonNode awaitHealth(HearthApi api, String url, Predicate<JsonNode> wanted)
      throws Exception {
    JsonNode last = null;
    for (int i = 0; i < 200; i++) {
      for (JsonNode relay : api.get("api/nostr/relays").json()) {
        if (relay.get("url").asText().equals(url)) {
          last = relay;
          if (wanted.test(relay)) {
            return relay;
          }
        }
      }
      Thread.sleep(300);
    }
    throw new AssertionError("relay " + url + " never got there: " + last);
  }

  @Override
  public void close() throws InterruptedException {
    node.destroy();
    if (!node.waitFor(5, TimeUnit.SECONDS)) {
      node.destroyForcibly();
    }
  }
}
