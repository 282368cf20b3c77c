package org.hearth.application.settlement;

import java.util.List;
import java.util.Optional;
import org.hearth.protocol.money.Money;

/**
 * The EVM chain that holds the settlement token (an ERC-20 such as USDC) and the platform wallet.
 * Every call but {@link #enabled()} talks to the chain's RPC node and throws {@link
 * ChainUnavailableException} when it cannot be reached, or when no chain is configured.
 */
public interface SettlementChain {

  /** Whether {@code hearth.chain.*} settings name a chain, a token and a wallet. */
  boolean enabled();

  /** The platform wallet's address, {@code 0x}-prefixed, lower case. */
  String platformAddress();

  /** The settlement token's contract address, {@code 0x}-prefixed, lower case. */
  String tokenAddress();

  long chainId();

  /** Blocks on top of a transfer's block before it counts. */
  int confirmations();

  /** The number of the newest block. */
  long latestBlock();

  /** Token transfers to {@code address} in blocks {@code fromBlock..toBlock}, both inclusive. */
  List<TokenTransfer> transfersTo(String address, long fromBlock, long toBlock);

  /**
   * Signs, without sending, a token transfer of {@code amount} from the platform wallet to {@code
   * to} with the given account nonce, so its hash can be recorded before it is broadcast.
   */
  SignedTransfer sign(String to, Money amount, long nonce);

  /** Sends a signed transfer; sending one the node already knows or has mined is not an error. */
  void broadcast(SignedTransfer transfer);

  /** The receipt of a mined transaction, or empty while it is pending or unknown. */
  Optional<TransferReceipt> receipt(String transactionHash);

  /** Transactions the platform wallet has sent and that are mined (its account nonce). */
  long minedNonce();

  /** Transactions the platform wallet had sent and that were mined as of block {@code block}. */
  long minedNonce(long block);

  /** The token balance of {@code address}. */
  Money tokenBalance(String address);
}
