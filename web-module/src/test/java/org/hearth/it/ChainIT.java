package org.hearth.it;

import static org.hearth.it.AgentEndToEndIT.awaitNode;
import static org.hearth.it.AgentEndToEndIT.awaitVm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

  static ChainServer hearth;
  static TestChain chain;
  static PayaraServer server;
  static HearthApi api;
  static String platform;

  @BeforeAll
  static void startChain() throws Exception {
    hearth = ChainServer.start("chain", 3);
    chain = hearth.chain;
    server = hearth.server;
    api = hearth.api;
    platform = hearth.platform;
  }

  @AfterAll
  static void stopChain() throws Exception {
    if (hearth != null) {
      hearth.close();
    }
  }

  /** A tenant whose account has a linked Ethereum wallet (with ETH for gas) on the test chain. */
  static Credentials linkedWallet(Tenant tenant) throws Exception {
    Ethers wallet = new Ethers();
    String body = new SignIns(api).siweProof(wallet);
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

  /**
   * An operator's earnings are paid to its linked wallet: not while the RPC is down, and exactly
   * once although the server is killed (-9) with its transfers signed, recorded and broadcast but
   * lost from the mempool before any was mined.
   */
  @Test
  @Order(3)
  void operatorsArePaidOnChainOnceAcrossAnOutageAndAKill() throws Exception {
    Tenant operator = new Tenant(api);
    String payee = linkedWallet(operator).getAddress();
    Tenant tenant = Tenant.funded(api);
    long fromBlock = chain.blockNumber();
    chain.rpcDown();
    long earned;
    try (AgentProcess agent =
        new AgentProcess(server.url(), "payout-" + System.nanoTime())
            .operatedBy(operator.key.publicKeyHex())
            .start()) {
      String nodeId = awaitNode(api, agent.region, "ONLINE").get("id").asText();
      assertEquals(200, operator.post("api/nodes/" + nodeId + "/claim", "").status());
      HearthApi.Reply created = tenant.post("api/vms", vm(agent.region));
      assertEquals(201, created.status(), created.toString());
      String vmId = created.json().get("id").asText();
      awaitVm(tenant, vmId, "RUNNING");
      Thread.sleep(12_000);
      tenant.delete("api/vms/" + vmId);
      awaitVm(tenant, vmId, "TERMINATED");
      List<Charges.Period> periods = Charges.settled(tenant, vmId);
      earned =
          Charges.sum(periods, Charges.Period::charged) - Charges.sum(periods, Charges.Period::fee);
    }
    assertTrue(earned > 0);
    JsonNode unpaid = operator.get("api/operator/earnings").json();
    assertEquals(
        earned, unpaid.get("earned").asLong() + unpaid.get("paying").asLong(), "" + unpaid);
    assertEquals(0, unpaid.get("paid").asLong(), unpaid.toString());
    assertEquals(0, chain.balanceOf(payee));

    chain.pauseMining();
    chain.rpcUp();
    await("payouts signed and recorded", () -> payouts(operator, "SUBMITTED") > 0);
    Thread.sleep(1000); // let the cycle broadcast what it signed
    server.kill();
    chain.dropPendingTransactions();
    server.start();
    chain.resumeMining();

    await("every payout confirmed", () -> paid(operator) == earned);
    assertEquals(earned, chain.balanceOf(payee));
    JsonNode paid = operator.get("api/operator/earnings").json();
    Set<String> hashes = new HashSet<>();
    for (JsonNode payout : paid.get("payouts")) {
      assertEquals("CONFIRMED", payout.get("state").asText(), paid.toString());
      assertEquals(payee.toLowerCase(), payout.get("address").asText().toLowerCase());
      hashes.add(payout.get("txHash").asText());
    }
    assertEquals(hashes, new HashSet<>(chain.transactionsFrom(platform, fromBlock)), "sent once");
    JsonNode economics = Tenant.admin(api).get("api/admin/economics").json();
    assertTrue(economics.get("chain").get("consistent").asBoolean(), economics.toString());
    assertTrue(economics.get("booksBalance").asBoolean(), economics.toString());
  }

  private static long payouts(Tenant operator, String state) {
    JsonNode earnings = operator.get("api/operator/earnings").json();
    long n = 0;
    for (JsonNode payout : earnings.path("payouts")) {
      n += state.equals(payout.get("state").asText()) ? 1 : 0;
    }
    return n;
  }

  private static long paid(Tenant operator) {
    return operator.get("api/operator/earnings").json().path("paid").asLong(-1);
  }

  private static String vm(String region) {
    return """
        {"name":"paid","vcpus":1,"memoryMiB":32,"diskGiB":1,"tier":"BURSTABLE","runtime":"sandbox",
         "command":"sleep 3600","region":"%s"}"""
        .formatted(region);
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
