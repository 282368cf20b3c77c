package org.hearth.it;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.crypto.WalletUtils;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.core.methods.response.VoidResponse;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/**
 * A real local EVM chain for tests: anvil (installed by npm into {@code target/chain}) on a free
 * port, behind a TCP proxy the test can switch off to simulate an RPC outage, with TestUsdc (an
 * OpenZeppelin ERC-20 of 6 decimals compiled by solc-js) deployed by raw transactions.
 */
final class TestChain implements AutoCloseable {

  static final long CHAIN_ID = 31337;

  /** Anvil's first dev account, funded with ETH at genesis. */
  static final Credentials DEV =
      Credentials.create("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");

  private static final BigInteger GAS_PRICE = BigInteger.valueOf(2_000_000_000L);

  private final Process anvil;
  private final int anvilPort;
  private final int blockTimeSeconds;
  private final RpcProxy proxy;
  final Web3j web3j;
  final String token;

  private TestChain(Process anvil, int anvilPort, int blockTimeSeconds) throws Exception {
    this.anvil = anvil;
    this.anvilPort = anvilPort;
    this.blockTimeSeconds = blockTimeSeconds;
    this.web3j = Web3j.build(new HttpService("http://127.0.0.1:" + anvilPort));
    awaitUp();
    this.proxy = new RpcProxy(anvilPort);
    this.token = deployToken();
  }

  /** Starts anvil mining a block every {@code blockTimeSeconds}, and deploys TestUsdc. */
  static TestChain start(int blockTimeSeconds) throws Exception {
    int port = freePort();
    Path dir = Path.of(System.getProperty("chain.dir"));
    Path log = dir.resolve("anvil-" + port + ".log");
    Process process =
        new ProcessBuilder(
                anvilBinary(dir).toString(),
                "--host",
                "127.0.0.1",
                "--port",
                String.valueOf(port),
                "--chain-id",
                String.valueOf(CHAIN_ID),
                "--block-time",
                String.valueOf(blockTimeSeconds))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    try {
      return new TestChain(process, port, blockTimeSeconds);
    } catch (Exception | AssertionError e) {
      process.destroyForcibly();
      throw e;
    }
  }

  /** The platform binary that {@code @foundry-rs/anvil} brings as an optional dependency. */
  private static Path anvilBinary(Path dir) throws IOException {
    try (var packages = Files.list(dir.resolve("node_modules/@foundry-rs"))) {
      return packages
          .filter(p -> p.getFileName().toString().startsWith("anvil-"))
          .map(p -> p.resolve("bin/anvil"))
          .filter(Files::isExecutable)
          .findFirst()
          .orElseThrow(() -> new AssertionError("no anvil binary under " + dir));
    }
  }

  /** The RPC URL through the proxy (what the server under test uses). */
  String rpcUrl() {
    return "http://127.0.0.1:" + proxy.port;
  }

  /** Cuts the proxy: the server's RPC calls fail until {@link #rpcUp()}. */
  void rpcDown() {
    proxy.down();
  }

  void rpcUp() {
    proxy.up();
  }

  /** A new random wallet with some ETH for gas. */
  Credentials newWallet() throws Exception {
    Credentials wallet = Credentials.create(Keys.createEcKeyPair());
    sendEth(wallet.getAddress(), BigInteger.TEN.pow(18));
    return wallet;
  }

  /** Writes a V3 keystore (light scrypt) for {@code key} into {@code dir}; returns its path. */
  static Path keystore(ECKeyPair key, String password, Path dir) throws Exception {
    Files.createDirectories(dir);
    String name = WalletUtils.generateWalletFile(password, key, dir.toFile(), false);
    return dir.resolve(name);
  }

  void sendEth(String to, BigInteger wei) throws Exception {
    RawTransaction tx =
        RawTransaction.createEtherTransaction(
            nonce(DEV.getAddress()), GAS_PRICE, BigInteger.valueOf(21_000), to, wei);
    await(send(tx, DEV));
  }

  void mint(String to, long amount) throws Exception {
    call(DEV, new Function("mint", List.of(new Address(to), new Uint256(amount)), List.of()));
  }

  /** An ERC-20 transfer of TestUsdc from {@code from}; returns its transaction hash. */
  String transfer(Credentials from, String to, long amount) throws Exception {
    return call(
        from, new Function("transfer", List.of(new Address(to), new Uint256(amount)), List.of()));
  }

  long balanceOf(String address) throws Exception {
    Function f =
        new Function(
            "balanceOf", List.of(new Address(address)), List.of(new TypeReference<Uint256>() {}));
    String result =
        web3j
            .ethCall(
                Transaction.createEthCallTransaction(null, token, FunctionEncoder.encode(f)),
                DefaultBlockParameterName.LATEST)
            .send()
            .getValue();
    @SuppressWarnings("rawtypes")
    List<Type> decoded = FunctionReturnDecoder.decode(result, f.getOutputParameters());
    return ((BigInteger) decoded.get(0).getValue()).longValueExact();
  }

  long blockNumber() throws Exception {
    return web3j.ethBlockNumber().send().getBlockNumber().longValueExact();
  }

  /** Mines {@code n} blocks at once. */
  void mine(int n) throws Exception {
    anvil("anvil_mine", Numeric.encodeQuantity(BigInteger.valueOf(n)));
  }

  /**
   * Stops mining: sent transactions wait in the mempool (the helpers here that await a receipt must
   * not be called until {@link #resumeMining}).
   */
  void pauseMining() throws Exception {
    anvil("evm_setIntervalMining", 0);
    anvil("evm_setAutomine", false);
  }

  /** Mines a block every {@code blockTimeSeconds} again. */
  void resumeMining() throws Exception {
    anvil("evm_setIntervalMining", blockTimeSeconds);
  }

  /** Forgets every transaction not mined yet, as if it had never been broadcast. */
  void dropPendingTransactions() throws Exception {
    anvil("anvil_dropAllTransactions");
  }

  private void anvil(String method, Object... params) throws Exception {
    VoidResponse response =
        new Request<>(
                method,
                List.of(params),
                new HttpService("http://127.0.0.1:" + anvilPort),
                VoidResponse.class)
            .send();
    if (response.hasError()) {
      throw new AssertionError(method + " failed: " + response.getError().getMessage());
    }
  }

  /** The nonce of mined transactions of {@code address}. */
  long minedNonce(String address) throws Exception {
    return web3j
        .ethGetTransactionCount(address, DefaultBlockParameterName.LATEST)
        .send()
        .getTransactionCount()
        .longValueExact();
  }

  /** Transactions sent from {@code address} in blocks {@code from..latest}. */
  List<String> transactionsFrom(String address, long fromBlock) throws Exception {
    List<String> hashes = new ArrayList<>();
    long latest = blockNumber();
    for (long n = fromBlock; n <= latest; n++) {
      var block =
          web3j
              .ethGetBlockByNumber(new org.web3j.protocol.core.DefaultBlockParameterNumber(n), true)
              .send()
              .getBlock();
      for (var result : block.getTransactions()) {
        var tx = (org.web3j.protocol.core.methods.response.Transaction) result.get();
        if (address.equalsIgnoreCase(tx.getFrom())) {
          hashes.add(tx.getHash());
        }
      }
    }
    return hashes;
  }

  private String deployToken() throws Exception {
    Path built = Path.of(System.getProperty("chain.dir"), "build", "TestUsdc.json");
    JsonNode json = HearthApi.JSON.readTree(built.toFile());
    String bytecode = json.get("bytecode").asText();
    RawTransaction tx =
        RawTransaction.createContractTransaction(
            nonce(DEV.getAddress()),
            GAS_PRICE,
            BigInteger.valueOf(3_000_000),
            BigInteger.ZERO,
            bytecode);
    TransactionReceipt receipt = await(send(tx, DEV));
    if (!receipt.isStatusOK()) {
      throw new AssertionError("TestUsdc deployment reverted");
    }
    return receipt.getContractAddress().toLowerCase();
  }

  private String call(Credentials from, Function function) throws Exception {
    RawTransaction tx =
        RawTransaction.createTransaction(
            nonce(from.getAddress()),
            GAS_PRICE,
            BigInteger.valueOf(200_000),
            token,
            FunctionEncoder.encode(function));
    String hash = send(tx, from);
    TransactionReceipt receipt = await(hash);
    if (!receipt.isStatusOK()) {
      throw new AssertionError(function.getName() + " reverted: " + hash);
    }
    return hash;
  }

  private BigInteger nonce(String address) throws IOException {
    return web3j
        .ethGetTransactionCount(address, DefaultBlockParameterName.PENDING)
        .send()
        .getTransactionCount();
  }

  private String send(RawTransaction tx, Credentials from) throws IOException {
    byte[] signed = TransactionEncoder.signMessage(tx, CHAIN_ID, from);
    EthSendTransaction sent = web3j.ethSendRawTransaction(Numeric.toHexString(signed)).send();
    if (sent.hasError()) {
      throw new AssertionError("sending failed: " + sent.getError().getMessage());
    }
    return sent.getTransactionHash();
  }

  /** Waits until the transaction is mined. */
  TransactionReceipt await(String hash) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      Optional<TransactionReceipt> receipt =
          web3j.ethGetTransactionReceipt(hash).send().getTransactionReceipt();
      if (receipt.isPresent()) {
        return receipt.get();
      }
      Thread.sleep(200);
    }
    throw new AssertionError("not mined within 30 s: " + hash);
  }

  private void awaitUp() throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (Instant.now().isBefore(deadline)) {
      if (!anvil.isAlive()) {
        throw new AssertionError("anvil exited; see target/chain/anvil-" + anvilPort + ".log");
      }
      try {
        web3j.ethChainId().send();
        return;
      } catch (IOException notYet) {
        Thread.sleep(200);
      }
    }
    throw new AssertionError("anvil did not start within 30 s");
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws Exception {
    proxy.close();
    web3j.shutdown();
    anvil.destroy();
    anvil.waitFor();
  }

  /**
   * A TCP proxy in front of anvil that can drop its connections and refuse new ones, then take them
   * again. It listens on its port all along (refusing is closing at once): a port given up while
   * "down" may be taken by any other process on a busy machine.
   */
  static final class RpcProxy implements AutoCloseable {
    final int port;
    private final int target;
    private final ServerSocket server;
    private volatile boolean up = true;
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    RpcProxy(int target) throws IOException {
      this.target = target;
      this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      this.port = server.getLocalPort();
      daemon(
          () -> {
            while (!server.isClosed()) {
              try {
                Socket client = server.accept();
                if (!up) {
                  client.close();
                  continue;
                }
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                open.addAll(Arrays.asList(client, upstream));
                pipe(client, upstream);
                pipe(upstream, client);
              } catch (IOException closed) {
                // listener closed, or anvil gone
              }
            }
          });
    }

    void up() {
      up = true;
    }

    void down() {
      up = false;
      for (Socket s : open) {
        try {
          s.close();
        } catch (IOException ignored) {
          // closing anyway
        }
      }
      open.clear();
    }

    private void pipe(Socket from, Socket to) {
      daemon(
          () -> {
            try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
              in.transferTo(out);
            } catch (IOException closed) {
              // one side closed
            } finally {
              try {
                from.close();
                to.close();
              } catch (IOException ignored) {
                // closing anyway
              }
              open.remove(from);
              open.remove(to);
            }
          });
    }

    private static void daemon(Runnable work) {
      Thread thread = new Thread(work, "rpc-proxy");
      thread.setDaemon(true);
      thread.start();
    }

    @Override
    public void close() throws IOException {
      down();
      server.close();
    }
  }
}
