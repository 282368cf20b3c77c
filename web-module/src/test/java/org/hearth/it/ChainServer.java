package org.hearth.it;

import java.math.BigInteger;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;

/**
 * A server of a test's own whose {@code HEARTH_CHAIN_*} environment points at a fresh local chain
 * (anvil with TestUsdc), with an H2 file of its own under {@code target/<name>-data} and a platform
 * wallet that has ETH for gas.
 */
final class ChainServer implements AutoCloseable {

  final TestChain chain;
  final PayaraServer server;
  final HearthApi api;

  /** The platform wallet's address, lower case. */
  final String platform;

  private ChainServer(TestChain chain, PayaraServer server, String platform) throws Exception {
    this.chain = chain;
    this.server = server;
    this.api = new HearthApi(new URL(server.url() + "/"));
    this.platform = platform;
  }

  /** Starts the chain and the server on the tests' port plus {@code portOffset}. */
  static ChainServer start(String name, int portOffset) throws Exception {
    TestChain chain = TestChain.start(1);
    try {
      Path target = Path.of(System.getProperty("hearth.war")).getParent();
      deleteTree(target.resolve(name + "-data"));
      Credentials platformKey = Credentials.create(Keys.createEcKeyPair());
      Path keystore =
          TestChain.keystore(
              platformKey.getEcKeyPair(), "it-password", target.resolve(name + "-wallet"));
      chain.sendEth(platformKey.getAddress(), BigInteger.TEN.pow(18));
      Map<String, String> env = new HashMap<>(PayaraServer.ownDatabase(name + "-data"));
      env.put("HEARTH_CHAIN_RPC_URL", chain.rpcUrl());
      env.put("HEARTH_CHAIN_ID", String.valueOf(TestChain.CHAIN_ID));
      env.put("HEARTH_CHAIN_TOKEN", chain.token);
      env.put("HEARTH_CHAIN_CONFIRMATIONS", "2");
      env.put("HEARTH_CHAIN_WALLET_FILE", keystore.toString());
      env.put("HEARTH_CHAIN_WALLET_PASSWORD", "it-password");
      env.put("HEARTH_CHAIN_POLL_INTERVAL", "PT1S");
      env.put("HEARTH_SETTLEMENT_PERIOD", "PT3S");
      env.put("HEARTH_SETTLEMENT_MIN_PAYOUT", "1");
      PayaraServer server =
          PayaraServer.withEnvironment(
                  Integer.getInteger("hearth.it.port", 18080) + portOffset, env)
              .start();
      return new ChainServer(chain, server, platformKey.getAddress().toLowerCase());
    } catch (Exception | AssertionError e) {
      chain.close();
      throw e;
    }
  }

  static void deleteTree(Path dir) throws Exception {
    if (Files.exists(dir)) {
      try (var paths = Files.walk(dir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Override
  public void close() throws Exception {
    try {
      server.close();
    } finally {
      chain.close();
    }
  }
}
