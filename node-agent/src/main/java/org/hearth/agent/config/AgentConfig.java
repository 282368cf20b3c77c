package org.hearth.agent.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.hearth.protocol.compute.ProviderPolicy;
import org.hearth.protocol.compute.Tier;

/**
 * The provider's settings for this node, read from a properties file (every key is documented in
 * {@code node-agent/README.md}).
 *
 * @param machineId null to use {@code /etc/machine-id} or a generated id kept in the data dir
 * @param pricePerPointHour price of one compute point for one hour, in the smallest unit of USDC
 * @param pricePerMemoryGibHour price of one GiB of memory for one hour, likewise
 * @param pricePerDiskGibHour price of one GiB of disk for one hour, likewise
 * @param pricePerGpuHour price of one GPU for one hour, likewise
 * @param benchmarkDuration how long the CPU benchmark measures (after its warm-up)
 * @param operator the key of the operator's Hearth account (Nostr hex public key or Ethereum
 *     address), or null
 * @param extraHostTools host programs to look for besides {@code HostToolProbe}'s catalogue
 */
public record AgentConfig(
    Path dataDir,
    String machineId,
    String region,
    List<String> tags,
    String description,
    long pricePerPointHour,
    long pricePerMemoryGibHour,
    long pricePerDiskGibHour,
    long pricePerGpuHour,
    ProviderPolicy policy,
    Duration benchmarkDuration,
    String operator,
    List<String> extraHostTools) {

  public static final String DATA_DIR = "data-dir";
  public static final String MACHINE_ID = "machine-id";
  public static final String REGION = "region";
  public static final String TAGS = "tags";
  public static final String DESCRIPTION = "description";
  public static final String PRICE = "price-per-point-hour";
  public static final String PRICE_MEMORY = "price-per-memory-gib-hour";
  public static final String PRICE_DISK = "price-per-disk-gib-hour";
  public static final String PRICE_GPU = "price-per-gpu-hour";

  /** Default price of a compute point for one hour: 0.00001 USDC (a 1000-point core: 0.01). */
  public static final long DEFAULT_PRICE = 10;

  /** Default price of a GiB of memory for one hour: 0.001 USDC. */
  public static final long DEFAULT_PRICE_MEMORY = 1_000;

  /** Default price of a GiB of disk for one hour: 0.00005 USDC (about 0.036 USDC a month). */
  public static final long DEFAULT_PRICE_DISK = 50;

  /** Default price of a GPU for one hour: 0.2 USDC. */
  public static final long DEFAULT_PRICE_GPU = 200_000;

  public static final String TIERS = "policy.tiers";
  public static final String RUNTIMES = "policy.runtimes";
  public static final String COMMAND_PATTERNS = "policy.command-patterns";
  public static final String MAX_VMS = "policy.max-vms";
  public static final String RESERVED_CORES = "policy.reserved-cores";
  public static final String RESERVED_MEMORY = "policy.reserved-memory-mib";
  public static final String RESERVED_DISK = "policy.reserved-disk-gib";
  public static final String OUTBOUND_NETWORK = "policy.outbound-network";
  public static final String BENCHMARK_MILLIS = "benchmark.millis";
  public static final String OPERATOR = "operator";
  public static final String HOST_TOOLS_EXTRA = "host-tools.extra";

  /** A program's file name, as templates name the host tools they need. */
  public static final Pattern HOST_TOOL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,63}");

  private static final Pattern OPERATOR_KEY = Pattern.compile("[0-9a-fA-F]{64}|0x[0-9a-fA-F]{40}");

  public AgentConfig {
    tags = List.copyOf(tags);
    extraHostTools = List.copyOf(extraHostTools);
  }

  /** Reads a properties file (UTF-8). */
  public static AgentConfig load(Path file) throws ConfigException {
    Properties properties = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      properties.load(reader);
    } catch (NoSuchFileException e) {
      throw new ConfigException("config file " + file + " does not exist");
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
    }
    return parse(properties);
  }

  /** The configuration of these properties; absent keys take their defaults. */
  public static AgentConfig parse(Properties properties) throws ConfigException {
    Settings settings = new Settings(properties);
    AgentConfig config =
        new AgentConfig(
            Path.of(settings.string(DATA_DIR, "./agent-data")),
            settings.string(MACHINE_ID, null),
            settings.string(REGION, null),
            settings.list(TAGS, ""),
            settings.string(DESCRIPTION, null),
            settings.wholeNumber(PRICE, DEFAULT_PRICE, 0),
            settings.wholeNumber(PRICE_MEMORY, DEFAULT_PRICE_MEMORY, 0),
            settings.wholeNumber(PRICE_DISK, DEFAULT_PRICE_DISK, 0),
            settings.wholeNumber(PRICE_GPU, DEFAULT_PRICE_GPU, 0),
            policy(settings),
            Duration.ofMillis(settings.wholeNumber(BENCHMARK_MILLIS, 2500, 200)),
            operator(settings),
            extraHostTools(settings));
    settings.rejectUnknownKeys();
    return config;
  }

  public AgentConfig withDataDir(Path dataDir) {
    return new AgentConfig(
        dataDir,
        machineId,
        region,
        tags,
        description,
        pricePerPointHour,
        pricePerMemoryGibHour,
        pricePerDiskGibHour,
        pricePerGpuHour,
        policy,
        benchmarkDuration,
        operator,
        extraHostTools);
  }

  private static List<String> extraHostTools(Settings settings) throws ConfigException {
    List<String> tools = settings.list(HOST_TOOLS_EXTRA, "");
    for (String tool : tools) {
      if (!HOST_TOOL.matcher(tool).matches()) {
        throw Settings.invalid(
            HOST_TOOLS_EXTRA, tool, "program names: letters, digits, '.', '_', '+' and '-'");
      }
    }
    return tools;
  }

  private static String operator(Settings settings) throws ConfigException {
    String key = settings.string(OPERATOR, null);
    if (key != null && !OPERATOR_KEY.matcher(key).matches()) {
      throw Settings.invalid(
          OPERATOR, key, "a Nostr public key (64 hex digits) or an Ethereum address (0x + 40 hex)");
    }
    return key;
  }

  private static ProviderPolicy policy(Settings settings) throws ConfigException {
    return new ProviderPolicy(
        tiers(settings),
        Set.copyOf(settings.nonEmptyList(RUNTIMES, "sandbox")),
        settings.nonEmptyList(COMMAND_PATTERNS, "*"),
        settings.integer(MAX_VMS, 8, 1),
        new ProviderPolicy.Reserved(
            settings.integer(RESERVED_CORES, 0, 0),
            settings.wholeNumber(RESERVED_MEMORY, 512, 0),
            settings.wholeNumber(RESERVED_DISK, 1, 0)),
        settings.flag(OUTBOUND_NETWORK, false));
  }

  private static Set<Tier> tiers(Settings settings) throws ConfigException {
    List<Tier> tiers = new ArrayList<>();
    for (String name : settings.nonEmptyList(TIERS, "GUARANTEED,STANDARD,BALANCED,BURSTABLE")) {
      try {
        tiers.add(Tier.valueOf(name.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw Settings.invalid(TIERS, name, "tiers among " + Arrays.toString(Tier.values()));
      }
    }
    return Set.copyOf(tiers);
  }
}
