package org.hearth.protocol.agent;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.hearth.protocol.nostr.Bip340;
import org.hearth.protocol.nostr.Hex;
import org.hearth.protocol.nostr.NostrKeyPair;
import org.hearth.protocol.nostr.Sha256;

/**
 * The agent link's proof of key: the agent signs the server's random challenge, bound to the node
 * it claims, so a signature can be neither replayed on another link nor moved to another node.
 */
public final class AgentLinkAuth {

  /**
   * The reason the server closes a link with when it does not know the node (its database was reset
   * or restored from before the node registered): the agent registers it again.
   */
  public static final String UNKNOWN_NODE = "blocked: register the node first";

  private static final SecureRandom RANDOM = new SecureRandom();

  private AgentLinkAuth() {}

  /** A fresh 32-byte challenge, hex. */
  public static String newChallenge() {
    byte[] challenge = new byte[32];
    RANDOM.nextBytes(challenge);
    return Hex.encode(challenge);
  }

  /** The 32 bytes that are signed: SHA-256 of {@code "hearth-agent-link:<challenge>:<nodeId>"}. */
  public static byte[] message(String challenge, String nodeId) {
    return Sha256.hash(
        ("hearth-agent-link:" + challenge + ":" + nodeId).getBytes(StandardCharsets.UTF_8));
  }

  public static AgentMessage.Auth answer(NostrKeyPair key, String challenge, String nodeId) {
    String signature = Hex.encode(key.sign(message(challenge, nodeId)));
    return new AgentMessage.Auth(nodeId, key.publicKeyHex(), signature);
  }

  /** Whether {@code auth} is a valid signature of {@code challenge} by its key. */
  public static boolean verify(AgentMessage.Auth auth, String challenge) {
    if (auth.nodeId() == null
        || !Hex.isLowercaseHex(auth.pubkey(), 32)
        || !Hex.isLowercaseHex(auth.signature(), 64)) {
      return false;
    }
    return Bip340.verify(
        Hex.decode(auth.pubkey()), message(challenge, auth.nodeId()), Hex.decode(auth.signature()));
  }
}
