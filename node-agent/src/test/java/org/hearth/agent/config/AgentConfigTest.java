package org.hearth.agent.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import org.hearth.protocol.compute.ProviderPolicy;
import org.hearth.protocol.compute.Tier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentConfigTest {

  @Test
  void emptyPropertiesGiveTheDocumentedDefaults() throws Exception {
    AgentConfig config = parse("");

    assertEquals(Path.of("./agent-data"), config.dataDir());
    assertNull(config.machineId());
    assertNull(config.region());
    assertEquals(List.of(), config.tags());
    assertNull(config.description());
    assertEquals(10, config.pricePerPointHour());
    assertEquals(1_000, config.pricePerMemoryGibHour());
    assertEquals(50, config.pricePerDiskGibHour());
    assertEquals(200_000, config.pricePerGpuHour());
    assertEquals(Duration.ofMillis(2500), config.benchmarkDuration());
    ProviderPolicy policy = config.policy();
    assertEquals(Set.of(Tier.values()), policy.tiers());
    assertEquals(Set.of("sandbox"), policy.runtimes());
    assertEquals(List.of("*"), policy.commandPatterns());
    assertEquals(8, policy.maxVms());
    assertEquals(new ProviderPolicy.Reserved(0, 512, 1), policy.reserved());
    assertFalse(policy.outboundNetwork());
  }

  @Test
  void readsEverySetting() throws Exception {
    AgentConfig config =
        parse(
            """
            data-dir = /var/lib/hearth
            machine-id = rack7-box3
            region = eu-west
            tags = ssd, , nvme ,gpu
            description = A quiet box in a cellar
            price-per-point-hour = 25
            price-per-memory-gib-hour = 800
            price-per-disk-gib-hour = 0
            price-per-gpu-hour = 450000
            policy.tiers = guaranteed, Standard
            policy.runtimes = sandbox, container
            policy.command-patterns = python3 *, /usr/bin/?ash
            policy.max-vms = 3
            policy.reserved-cores = 1
            policy.reserved-memory-mib = 2048
            policy.reserved-disk-gib = 20
            policy.outbound-network = TRUE
            benchmark.millis = 1000
            """);

    assertEquals(Path.of("/var/lib/hearth"), config.dataDir());
    assertEquals("rack7-box3", config.machineId());
    assertEquals("eu-west", config.region());
    assertEquals(List.of("ssd", "nvme", "gpu"), config.tags());
    assertEquals("A quiet box in a cellar", config.description());
    assertEquals(25, config.pricePerPointHour());
    assertEquals(800, config.pricePerMemoryGibHour());
    assertEquals(0, config.pricePerDiskGibHour());
    assertEquals(450_000, config.pricePerGpuHour());
    assertEquals(Duration.ofSeconds(1), config.benchmarkDuration());
    assertEquals(
        new ProviderPolicy(
            Set.of(Tier.GUARANTEED, Tier.STANDARD),
            Set.of("sandbox", "container"),
            List.of("python3 *", "/usr/bin/?ash"),
            3,
            new ProviderPolicy.Reserved(1, 2048, 20),
            true),
        config.policy());
  }

  @Test
  void badValuesNameTheKeyAndTheValue() {
    assertError("policy.max-vms = many", "policy.max-vms: expected a whole number");
    assertError("policy.max-vms = 0", "policy.max-vms: expected a whole number from 1 to");
    assertError(
        "price-per-point-hour = -1",
        "price-per-point-hour: expected a whole number of at least 0, got '-1'");
    assertError("price-per-point-hour = 1.5", "price-per-point-hour: expected a whole number");
    assertError(
        "price-per-memory-gib-hour = -3",
        "price-per-memory-gib-hour: expected a whole number of at least 0, got '-3'");
    assertError(
        "price-per-disk-gib-hour = cheap", "price-per-disk-gib-hour: expected a whole number");
    assertError("price-per-gpu-hour = 0.2", "price-per-gpu-hour: expected a whole number");
    assertError(
        "policy.reserved-cores = 99999999999",
        "policy.reserved-cores: expected a whole number from 0 to 2147483647");
    assertError(
        "policy.tiers = GOLD",
        "policy.tiers: expected tiers among [GUARANTEED, STANDARD, BALANCED, BURSTABLE], got 'GOLD'");
    assertError("policy.runtimes = ,", "policy.runtimes: needs at least one entry");
    assertError(
        "policy.outbound-network = yes",
        "policy.outbound-network: expected true or false, got 'yes'");
    assertError(
        "benchmark.millis = 10", "benchmark.millis: expected a whole number of at least 200");
  }

  @Test
  void theOperatorIsANostrKeyOrAnEthereumAddress() throws Exception {
    assertNull(parse("").operator());
    String nostr = "ab".repeat(32);
    assertEquals(nostr, parse("operator = " + nostr).operator());
    String wallet = "0x52908400098527886E0F7030069857D2E4169EE7";
    assertEquals(wallet, parse("operator = " + wallet).operator());
    assertError("operator = alice", "operator: expected a Nostr public key (64 hex digits)");
    assertError("operator = 0x1234", "operator: expected a Nostr public key");
  }

  @Test
  void extraHostToolsAreProgramNames() throws Exception {
    assertEquals(List.of(), parse("").extraHostTools());
    assertEquals(
        List.of("ollama", "llama-server", "g++"),
        parse("host-tools.extra = ollama, llama-server,g++").extraHostTools());
    assertError("host-tools.extra = ../bin/sh", "host-tools.extra: expected program names");
  }

  @Test
  void unknownKeysAreRefusedSoTyposDoNotGoUnnoticed() {
    assertError("policy.max-vm = 3\nregoin = eu", "unknown setting(s): policy.max-vm, regoin");
  }

  @Test
  void loadsAFileAndReportsAMissingOne(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("agent.properties");
    Files.writeString(file, "region = ap-south\ndescription = caf\u00e9 box\n");
    AgentConfig config = AgentConfig.load(file);
    assertEquals("ap-south", config.region());
    assertEquals("caf\u00e9 box", config.description());

    ConfigException missing =
        assertThrows(ConfigException.class, () -> AgentConfig.load(dir.resolve("nope")));
    assertTrue(missing.getMessage().contains("does not exist"), missing.getMessage());
  }

  @Test
  void theExampleFileIsValidAndDocumentsTheDefaults() throws Exception {
    AgentConfig example = AgentConfig.load(Path.of("agent.properties.example"));
    AgentConfig defaults = parse("");
    assertEquals(defaults.policy(), example.policy());
    assertEquals(defaults.pricePerPointHour(), example.pricePerPointHour());
    assertEquals(defaults.pricePerMemoryGibHour(), example.pricePerMemoryGibHour());
    assertEquals(defaults.pricePerDiskGibHour(), example.pricePerDiskGibHour());
    assertEquals(defaults.pricePerGpuHour(), example.pricePerGpuHour());
  }

  private static void assertError(String properties, String expectedStart) {
    ConfigException e = assertThrows(ConfigException.class, () -> parse(properties));
    assertTrue(
        e.getMessage().startsWith(expectedStart),
        () -> "'" + e.getMessage() + "' should start with '" + expectedStart + "'");
  }

  private static AgentConfig parse(String text) throws ConfigException {
    Properties properties = new Properties();
    try {
      properties.load(new StringReader(text));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return AgentConfig.parse(properties);
  }
}
