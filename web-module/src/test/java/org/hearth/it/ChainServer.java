package org.hearth.it;

import java.math.BigInteger;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;

/**
 * A server of a test's own whose {@code HEARTH_CHAIN_*} environment points at a fresh local chain
 * (anvil with TestUsdc), with a fresh database of its own (a chain's block cursor and deposits
 * belong to that chain: an H2 file under {@code target/<name>-data}, or on PostgreSQL a database
 * next to the tests' one, dropped when the server closes) and a platform wallet that has ETH for
 * gas.
 */
final class ChainServer implements AutoCloseable {

  final TestChain chain;
  final PayaraServer server;
  final HearthApi api;

  /** The platform wallet's address, lower case. */
  final String platform;

  /** The PostgreSQL database made for this server, or null on H2. */
  private final String postgresDatabase;

  private ChainServer(
      TestChain chain, PayaraServer server, String platform, String postgresDatabase)
      throws Exception {
    this.chain = chain;
    this.server = server;
    this.postgresDatabase = postgresDatabase;
    this.api = new HearthApi(new URL(server.url() + "/"));
    this.platform = platform;
  }

  /** Starts the chain and the server on the tests' port plus {@code portOffset}. */
  static ChainServer start(String name, int portOffset) throws Exception {
    TestChain chain = TestChain.start(1);
    String postgresDatabase = null;
    try {
      Path target = Path.of(System.getProperty("hearth.war")).getParent();
      deleteTree(target.resolve(name + "-data"));
      Credentials platformKey = Credentials.create(Keys.createEcKeyPair());
      Path keystore =
          TestChain.keystore(
              platformKey.getEcKeyPair(), "it-password", target.resolve(name + "-wallet"));
      chain.sendEth(platformKey.getAddress(), BigInteger.TEN.pow(18));
      Map<String, String> env = new HashMap<>(PayaraServer.ownDatabase(name + "-data"));
      if (PayaraServer.onPostgres()) {
        postgresDatabase = sharedDatabase() + "_" + name.replaceAll("[^a-z0-9]", "_");
        postgres("DROP DATABASE IF EXISTS " + postgresDatabase);
        postgres("CREATE DATABASE " + postgresDatabase);
        env.put(
            "HEARTH_DB_URL",
            POSTGRES_SERVER.matcher(dbUrl()).replaceFirst("$1" + postgresDatabase + "$3"));
      }
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
      return new ChainServer(
          chain, server, platformKey.getAddress().toLowerCase(), postgresDatabase);
    } catch (Exception | AssertionError e) {
      chain.close();
      if (postgresDatabase != null) {
        postgres("DROP DATABASE IF EXISTS " + postgresDatabase);
      }
      throw e;
    }
  }

  /**
   * {@code jdbc:postgresql://host:port/} of the tests' database URL, the database's name, and its
   * parameters ({@code ?…}, kept for the chain's own database).
   */
  private static final Pattern POSTGRES_SERVER =
      Pattern.compile("^(jdbc:postgresql://[^/]+/)([^?]+)(.*)$");

  private static String dbUrl() {
    return System.getenv("HEARTH_DB_URL");
  }

  private static String sharedDatabase() {
    return POSTGRES_SERVER.matcher(dbUrl()).replaceFirst("$2");
  }

  /** Runs one statement on the tests' PostgreSQL server, as the tests' database user. */
  private static void postgres(String sql) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(
                dbUrl(), System.getenv("HEARTH_DB_USER"), System.getenv("HEARTH_DB_PASSWORD"));
        Statement statement = c.createStatement()) {
      statement.execute(sql);
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
      if (postgresDatabase != null) {
        postgres("DROP DATABASE IF EXISTS " + postgresDatabase);
      }
    }
  }
}
