package org.hearth.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import org.hearth.protocol.nostr.Hex;

/** A real Ethereum wallet: ethers (run by Node) holds a random key and signs with it. */
final class Ethers {

  private static final SecureRandom RANDOM = new SecureRandom();

  final String privateKey;
  final String address;

  Ethers() {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    privateKey = "0x" + Hex.encode(key);
    address = run(request("address"));
  }

  /** The EIP-191 personal_sign signature of {@code message}. */
  String sign(String message) {
    ObjectNode request = request("sign");
    request.put("message", message);
    return run(request);
  }

  private ObjectNode request(String op) {
    ObjectNode request = HearthApi.JSON.createObjectNode();
    request.put("op", op);
    request.put("privateKey", privateKey);
    return request;
  }

  private static String run(ObjectNode input) {
    return NodeScript.run("ethers.dir", "ethers-sign.mjs", input.toString());
  }
}
