package org.hearth.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Signs with nostr-tools (run by Node), the reference Nostr client library. */
final class NostrTools {

  private NostrTools() {}

  /** A NIP-98 Authorization header value made by nostr-tools' own nip98 module. */
  static String nip98Header(String secretKeyHex, String url, String method, String body) {
    ObjectNode request = HearthApi.JSON.createObjectNode();
    request.put("op", "nip98");
    request.put("secretKey", secretKeyHex);
    request.put("url", url);
    request.put("method", method);
    request.put("body", body);
    return run(request.toString()).trim();
  }

  /** An event signed by nostr-tools' finalizeEvent. */
  static String event(String secretKeyHex, int kind, List<List<String>> tags, long createdAt) {
    ObjectNode request = HearthApi.JSON.createObjectNode();
    request.put("op", "event");
    request.put("secretKey", secretKeyHex);
    request.put("kind", kind);
    request.set("tags", HearthApi.JSON.valueToTree(tags));
    request.put("created_at", createdAt);
    return run(request.toString()).trim();
  }

  private static String run(String input) {
    Path dir = Path.of(System.getProperty("nostr.tools.dir"));
    try {
      Process node =
          new ProcessBuilder("node", dir.resolve("nostr-sign.mjs").toString())
              .directory(dir.toFile())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      node.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
      node.getOutputStream().close();
      String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!node.waitFor(30, TimeUnit.SECONDS) || node.exitValue() != 0) {
        throw new AssertionError("nostr-sign.mjs failed: " + output);
      }
      return output;
    } catch (IOException e) {
      throw new AssertionError("cannot run node: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
