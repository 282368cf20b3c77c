package org.hearth.infrastructure.chain;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.File;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hearth.application.settlement.ChainUnavailableException;
import org.hearth.application.settlement.SettlementChain;
import org.hearth.application.settlement.SignedTransfer;
import org.hearth.application.settlement.TokenTransfer;
import org.hearth.application.settlement.TransferReceipt;
import org.hearth.protocol.money.Money;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.crypto.WalletUtils;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.DefaultBlockParameterNumber;
import org.web3j.protocol.core.Response;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/**
 * The settlement chain over JSON-RPC with Web3j: {@code hearth.chain.rpc-url}, {@code
 * hearth.chain.id}, {@code hearth.chain.token}, {@code hearth.chain.confirmations} and the platform
 * wallet, a V3 keystore at {@code hearth.chain.wallet-file} whose password is the environment
 * variable {@code HEARTH_CHAIN_WALLET_PASSWORD}. Transactions are signed here (EIP-155), so a
 * transfer's hash is known before it is sent.
 */
@ApplicationScoped
public class Web3jSettlementChain implements SettlementChain {

  private static final System.Logger LOG = System.getLogger(Web3jSettlementChain.class.getName());

  static final String PASSWORD_VARIABLE = "HEARTH_CHAIN_WALLET_PASSWORD";

  private static final Event TRANSFER =
      new Event(
          "Transfer",
          List.of(
              new TypeReference<Address>(true) {},
              new TypeReference<Address>(true) {},
              new TypeReference<Uint256>() {}));

  static final String TRANSFER_TOPIC = EventEncoder.encode(TRANSFER);

  @Inject
  @ConfigProperty(name = "hearth.chain.rpc-url")
  Optional<String> rpcUrl;

  @Inject
  @ConfigProperty(name = "hearth.chain.id", defaultValue = "1")
  long chainId;

  @Inject
  @ConfigProperty(name = "hearth.chain.token")
  Optional<String> token;

  @Inject
  @ConfigProperty(name = "hearth.chain.confirmations", defaultValue = "12")
  int confirmations;

  @Inject
  @ConfigProperty(name = "hearth.chain.wallet-file")
  Optional<String> walletFile;

  @Inject
  @ConfigProperty(name = "hearth.chain.gas-limit", defaultValue = "100000")
  long gasLimit;

  private Web3j web3j;
  private Credentials wallet;
  private String tokenAddress;
  private String disabledBecause;

  @PostConstruct
  void connect() {
    disabledBecause = configure();
    if (disabledBecause != null) {
      LOG.log(
          System.Logger.Level.WARNING,
          "On-chain deposits and payouts are OFF: {0}. Balances come only from admin credits"
              + " (POST /api/admin/credits).",
          disabledBecause);
      return;
    }
    LOG.log(
        System.Logger.Level.INFO,
        "Settlement chain {0} at {1}: token {2}, platform wallet {3}, {4} confirmations",
        chainId,
        rpcUrl.get(),
        tokenAddress,
        platformAddress(),
        confirmations);
  }

  /** Why the chain is off, or null when it is on. */
  private String configure() {
    if (rpcUrl.filter(s -> !s.isBlank()).isEmpty()) {
      return "hearth.chain.rpc-url is not set";
    }
    if (token.filter(s -> !s.isBlank()).isEmpty()) {
      return "hearth.chain.token is not set";
    }
    if (!isAddress(token.get())) {
      return "hearth.chain.token is not an address (0x and 40 hex digits)";
    }
    if (walletFile.filter(s -> !s.isBlank()).isEmpty()) {
      return "hearth.chain.wallet-file is not set";
    }
    if (confirmations < 0) {
      return "hearth.chain.confirmations is negative";
    }
    String password = System.getenv(PASSWORD_VARIABLE);
    if (password == null) {
      return "the environment variable " + PASSWORD_VARIABLE + " is not set";
    }
    try {
      wallet = WalletUtils.loadCredentials(password, new File(walletFile.get()));
    } catch (IOException | org.web3j.crypto.exception.CipherException | RuntimeException e) {
      return "the wallet file " + walletFile.get() + " cannot be opened: " + e.getMessage();
    }
    tokenAddress = token.get().toLowerCase(Locale.ROOT);
    web3j = Web3j.build(new HttpService(rpcUrl.get()));
    return null;
  }

  @PreDestroy
  void close() {
    if (web3j != null) {
      web3j.shutdown();
    }
  }

  public static boolean isAddress(String text) {
    return text != null && text.matches("0x[0-9a-fA-F]{40}");
  }

  @Override
  public boolean enabled() {
    return disabledBecause == null;
  }

  /** Why deposits and payouts are off, if they are. */
  public Optional<String> disabledBecause() {
    return Optional.ofNullable(disabledBecause);
  }

  private void requireEnabled() {
    if (!enabled()) {
      throw new ChainUnavailableException("no settlement chain: " + disabledBecause);
    }
  }

  @Override
  public String platformAddress() {
    requireEnabled();
    return wallet.getAddress().toLowerCase(Locale.ROOT);
  }

  @Override
  public String tokenAddress() {
    requireEnabled();
    return tokenAddress;
  }

  @Override
  public long chainId() {
    return chainId;
  }

  @Override
  public int confirmations() {
    return confirmations;
  }

  @Override
  public long latestBlock() {
    requireEnabled();
    return rpc("eth_blockNumber", () -> web3j.ethBlockNumber().send())
        .getBlockNumber()
        .longValueExact();
  }

  @Override
  public List<TokenTransfer> transfersTo(String address, long fromBlock, long toBlock) {
    requireEnabled();
    EthFilter filter =
        new EthFilter(
            new DefaultBlockParameterNumber(fromBlock),
            new DefaultBlockParameterNumber(toBlock),
            tokenAddress);
    filter.addSingleTopic(TRANSFER_TOPIC);
    filter.addNullTopic();
    filter.addSingleTopic(topic(address));
    EthLog logs = rpc("eth_getLogs", () -> web3j.ethGetLogs(filter).send());
    List<TokenTransfer> transfers = new ArrayList<>();
    for (EthLog.LogResult<?> result : logs.getLogs()) {
      Log log = (Log) result.get();
      if (log.isRemoved() || log.getTopics().size() != 3) {
        continue;
      }
      BigInteger value = Numeric.toBigInt(log.getData());
      if (value.bitLength() > 63) {
        LOG.log(
            System.Logger.Level.WARNING,
            "ignored a transfer too large for a long: {0}",
            log.getTransactionHash());
        continue;
      }
      transfers.add(
          new TokenTransfer(
              log.getTransactionHash().toLowerCase(Locale.ROOT),
              log.getLogIndex().intValueExact(),
              log.getBlockNumber().longValueExact(),
              fromTopic(log.getTopics().get(1)),
              fromTopic(log.getTopics().get(2)),
              Money.of(value.longValueExact())));
    }
    return transfers;
  }

  private static String topic(String address) {
    return "0x" + "0".repeat(24) + Numeric.cleanHexPrefix(address).toLowerCase(Locale.ROOT);
  }

  private static String fromTopic(String topic) {
    String hex = Numeric.cleanHexPrefix(topic);
    return "0x" + hex.substring(hex.length() - 40).toLowerCase(Locale.ROOT);
  }

  @Override
  public SignedTransfer sign(String to, Money amount, long nonce) {
    requireEnabled();
    if (!isAddress(to)) {
      throw new IllegalArgumentException("not an address: " + to);
    }
    Function transfer =
        new Function(
            "transfer",
            List.of(new Address(to), new Uint256(BigInteger.valueOf(amount.amount()))),
            List.of());
    BigInteger gasPrice =
        rpc("eth_gasPrice", () -> web3j.ethGasPrice().send())
            .getGasPrice()
            .multiply(BigInteger.TWO);
    RawTransaction raw =
        RawTransaction.createTransaction(
            BigInteger.valueOf(nonce),
            gasPrice,
            BigInteger.valueOf(gasLimit),
            tokenAddress,
            FunctionEncoder.encode(transfer));
    byte[] signed = TransactionEncoder.signMessage(raw, chainId, wallet);
    String hash = Numeric.toHexString(Hash.sha3(signed));
    return new SignedTransfer(
        hash.toLowerCase(Locale.ROOT),
        nonce,
        to.toLowerCase(Locale.ROOT),
        amount,
        Numeric.toHexString(signed));
  }

  @Override
  public void broadcast(SignedTransfer transfer) {
    requireEnabled();
    EthSendTransaction sent;
    try {
      sent = web3j.ethSendRawTransaction(transfer.rawTransaction()).send();
    } catch (IOException | RuntimeException e) {
      throw new ChainUnavailableException("eth_sendRawTransaction failed: " + e.getMessage(), e);
    }
    if (!sent.hasError()) {
      return;
    }
    String message = String.valueOf(sent.getError().getMessage()).toLowerCase(Locale.ROOT);
    if (message.contains("already known")
        || message.contains("already imported")
        || message.contains("known transaction")) {
      return;
    }
    if (message.contains("nonce too low")) {
      // Either this very transaction was mined, or another one took the nonce; a receipt tells.
      if (receipt(transfer.transactionHash()).isPresent()) {
        return;
      }
    }
    throw new ChainUnavailableException(
        "eth_sendRawTransaction refused " + transfer.transactionHash() + ": " + message);
  }

  @Override
  public Optional<TransferReceipt> receipt(String transactionHash) {
    requireEnabled();
    return rpc(
            "eth_getTransactionReceipt",
            () -> web3j.ethGetTransactionReceipt(transactionHash).send())
        .getTransactionReceipt()
        .filter(r -> r.getBlockNumber() != null)
        .map(
            r ->
                new TransferReceipt(
                    r.getTransactionHash().toLowerCase(Locale.ROOT),
                    r.getBlockNumber().longValueExact(),
                    r.isStatusOK()));
  }

  @Override
  public long minedNonce() {
    return nonceAt(DefaultBlockParameterName.LATEST);
  }

  @Override
  public long minedNonce(long block) {
    return nonceAt(DefaultBlockParameter.valueOf(BigInteger.valueOf(block)));
  }

  private long nonceAt(DefaultBlockParameter block) {
    requireEnabled();
    return rpc(
            "eth_getTransactionCount",
            () -> web3j.ethGetTransactionCount(wallet.getAddress(), block).send())
        .getTransactionCount()
        .longValueExact();
  }

  @Override
  public Money tokenBalance(String address) {
    requireEnabled();
    Function balanceOf =
        new Function(
            "balanceOf", List.of(new Address(address)), List.of(new TypeReference<Uint256>() {}));
    String result =
        rpc(
                "eth_call balanceOf",
                () ->
                    web3j
                        .ethCall(
                            Transaction.createEthCallTransaction(
                                null, tokenAddress, FunctionEncoder.encode(balanceOf)),
                            DefaultBlockParameterName.LATEST)
                        .send())
            .getValue();
    @SuppressWarnings("rawtypes")
    List<Type> decoded = FunctionReturnDecoder.decode(result, balanceOf.getOutputParameters());
    if (decoded.isEmpty()) {
      throw new ChainUnavailableException("balanceOf returned nothing: is the token deployed?");
    }
    return Money.of(((BigInteger) decoded.get(0).getValue()).longValueExact());
  }

  /** One RPC call whose transport or JSON-RPC errors become {@link ChainUnavailableException}. */
  private static <T extends Response<?>> T rpc(String what, Call<T> call) {
    T response;
    try {
      response = call.send();
    } catch (IOException | RuntimeException e) {
      throw new ChainUnavailableException(what + " failed: " + e.getMessage(), e);
    }
    if (response.hasError()) {
      throw new ChainUnavailableException(what + " failed: " + response.getError().getMessage());
    }
    return response;
  }

  @FunctionalInterface
  private interface Call<T> {
    T send() throws IOException;
  }
}
