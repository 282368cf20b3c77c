package org.hearth.it;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
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
    address = run(request("address")).trim();
  }

  /** The EIP-191 personal_sign signature of {@code message}. */
  String sign(String message) {
    ObjectNode request = request("sign");
    request.put("message", message);
    return run(request).trim();
  }

  private ObjectNode request(String op) {
    ObjectNode request = HearthApi.JSON.createObjectNode();
    request.put("op", op);
    request.put("privateKey", privateKey);
    return request;
  }

  private static String run(ObjectNode input) {
    Path dir = Path.of(System.getProperty("ethers.dir"));
    try {
      Process node =
          new ProcessBuilder("node", dir.resolve("ethers-sign.mjs").toString())
              .directory(dir.toFile())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      node.getOutputStream().write(input.toString().getBytes(StandardCharsets.UTF_8));
      node.getOutputStream().close();
      String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!node.waitFor(30, TimeUnit.SECONDS) || node.exitValue() != 0) {
        throw new AssertionError("ethers-sign.mjs failed: " + output);
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
