package org.hearth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;
import org.web3j.crypto.WalletUtils;

/**
 * Deposits and payouts against a real local chain: anvil with TestUsdc (an OpenZeppelin ERC-20),
 * and a server of the test's own whose {@code HEARTH_CHAIN_*} environment points at it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChainIT {

  static TestChain chain;
  static PayaraServer server;
  static HearthApi api;
  static String platform;

  @BeforeAll
  static void startChain() throws Exception {
    chain = TestChain.start(1);
    Path target = Path.of(System.getProperty("hearth.war")).getParent();
    deleteTree(target.resolve("chain-data"));
    Credentials platformKey = Credentials.create(Keys.createEcKeyPair());
    Path keystore =
        TestChain.keystore(
            platformKey.getEcKeyPair(), "it-password", target.resolve("chain-wallet"));
    chain.sendEth(platformKey.getAddress(), java.math.BigInteger.TEN.pow(18));
    Map<String, String> env = new HashMap<>(PayaraServer.ownDatabase("chain-data"));
    env.put("HEARTH_CHAIN_RPC_URL", chain.rpcUrl());
    env.put("HEARTH_CHAIN_ID", String.valueOf(TestChain.CHAIN_ID));
    env.put("HEARTH_CHAIN_TOKEN", chain.token);
    env.put("HEARTH_CHAIN_CONFIRMATIONS", "2");
    env.put("HEARTH_CHAIN_WALLET_FILE", keystore.toString());
    env.put("HEARTH_CHAIN_WALLET_PASSWORD", "it-password");
    env.put("HEARTH_CHAIN_POLL_INTERVAL", "PT1S");
    env.put("HEARTH_SETTLEMENT_PERIOD", "PT3S");
    env.put("HEARTH_SETTLEMENT_MIN_PAYOUT", "1");
    server =
        PayaraServer.withEnvironment(Integer.getInteger("hearth.it.port", 18080) + 3, env).start();
    api = new HearthApi(new URL(server.url() + "/"));
    platform = platformKey.getAddress().toLowerCase();
  }

  @AfterAll
  static void stopChain() throws Exception {
    if (server != null) {
      server.close();
    }
    if (chain != null) {
      chain.close();
    }
  }

  static void deleteTree(Path dir) throws Exception {
    if (Files.exists(dir)) {
      try (var paths = Files.walk(dir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** A tenant whose account has a linked Ethereum wallet (with ETH for gas) on the test chain. */
  static Credentials linkedWallet(Tenant tenant) throws Exception {
    Ethers wallet = new Ethers();
    String message = new SignIns(api).siweMessageFor(wallet);
    String body =
        HearthApi.JSON
            .createObjectNode()
            .put("message", message)
            .put("signature", wallet.sign(message))
            .toString();
    HearthApi.Reply linked = tenant.post("api/account/keys", body);
    assertEquals(200, linked.status(), linked.toString());
    Credentials credentials = Credentials.create(wallet.privateKey);
    chain.sendEth(credentials.getAddress(), java.math.BigInteger.TEN.pow(18));
    return credentials;
  }

  static long available(Tenant tenant) {
    return tenant.get("api/account/balance").json().get("available").asLong();
  }

  static void await(String what, java.util.function.BooleanSupplier condition) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      if (condition.getAsBoolean()) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError("not within 60 s: " + what);
  }

  @Test
  @Order(2)
  void depositsAreCreditedOnceAndUnknownWalletsListed() throws Exception {
    Tenant tenant = new Tenant(api);
    HearthApi.Reply where = tenant.get("api/account/deposit");
    assertEquals(200, where.status(), where.toString());
    assertEquals(platform, where.json().get("address").asText());
    assertEquals(chain.token, where.json().get("token").asText());
    assertEquals(TestChain.CHAIN_ID, where.json().get("chainId").asLong());
    assertEquals(2, where.json().get("confirmations").asInt());

    Credentials wallet = linkedWallet(tenant);
    chain.mint(wallet.getAddress(), 5_000_000);
    chain.transfer(wallet, platform, 2_000_000);
    await("the deposit credited", () -> available(tenant) == 2_000_000);

    Credentials stranger = chain.newWallet();
    chain.mint(stranger.getAddress(), 1_000_000);
    String strangerTx = chain.transfer(stranger, platform, 700_000);
    Tenant admin = Tenant.admin(api);
    await(
        "the unknown wallet's deposit listed",
        () -> admin.get("api/admin/deposits/unclaimed").json().toString().contains(strangerTx));

    // More scans, and a restart, credit nothing twice.
    Thread.sleep(3000);
    assertEquals(2_000_000, available(tenant));
    server.stop();
    server.start();
    Thread.sleep(4000);
    assertEquals(2_000_000, available(tenant));

    // An RPC outage only delays a deposit.
    chain.rpcDown();
    chain.transfer(wallet, platform, 500_000);
    chain.mine(3);
    Thread.sleep(3000);
    assertEquals(2_000_000, available(tenant));
    chain.rpcUp();
    await("the deposit credited after the outage", () -> available(tenant) == 2_500_000);

    var economics = admin.get("api/admin/economics").json();
    var onChain = economics.get("chain");
    assertTrue(onChain.get("enabled").asBoolean(), economics.toString());
    assertEquals(3_200_000, onChain.get("holdings").asLong(), economics.toString());
    assertEquals(3_200_000, onChain.get("expected").asLong(), economics.toString());
    assertTrue(onChain.get("consistent").asBoolean(), economics.toString());
    assertTrue(economics.get("booksBalance").asBoolean(), economics.toString());
  }

  @Test
  @Order(1)
  void theTestChainRunsARealToken() throws Exception {
    Credentials wallet = chain.newWallet();
    chain.mint(wallet.getAddress(), 5_000_000);
    assertEquals(5_000_000, chain.balanceOf(wallet.getAddress()));
    Credentials other = Credentials.create(Keys.createEcKeyPair());
    chain.transfer(wallet, other.getAddress(), 1_250_000);
    assertEquals(1_250_000, chain.balanceOf(other.getAddress()));
    assertEquals(3_750_000, chain.balanceOf(wallet.getAddress()));
    long before = chain.blockNumber();
    chain.mine(5);
    assertTrue(chain.blockNumber() >= before + 5);
    Path dir = Files.createTempDirectory("keystore");
    Path file = TestChain.keystore(other.getEcKeyPair(), "secret", dir);
    assertEquals(
        other.getAddress(), WalletUtils.loadCredentials("secret", file.toFile()).getAddress());
    chain.rpcDown();
    chain.rpcUp();
  }
}
