package org.hearth.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

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
    return run(request.toString());
  }

  /** An event without content signed by nostr-tools' finalizeEvent. */
  static String event(String secretKeyHex, int kind, List<List<String>> tags, long createdAt) {
    return event(secretKeyHex, kind, tags, "", createdAt);
  }

  /** An event signed by nostr-tools' finalizeEvent. */
  static String event(
      String secretKeyHex, int kind, List<List<String>> tags, String content, long createdAt) {
    ObjectNode request = HearthApi.JSON.createObjectNode();
    request.put("content", content);
    request.put("op", "event");
    request.put("secretKey", secretKeyHex);
    request.put("kind", kind);
    request.set("tags", HearthApi.JSON.valueToTree(tags));
    request.put("created_at", createdAt);
    return run(request.toString());
  }

  private static String run(String input) {
    return NodeScript.run("nostr.tools.dir", "nostr-sign.mjs", input);
  }
}
