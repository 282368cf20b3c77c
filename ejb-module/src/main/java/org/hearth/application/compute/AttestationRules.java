package org.hearth.application.compute;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.hearth.domain.reputation.AttestationSummary;
import org.hearth.domain.reputation.TeeType;
import org.hearth.protocol.nostr.Hex;
import org.hearth.protocol.nostr.NostrEvent;
import org.hearth.protocol.nostr.Sha256;

/**
 * Reads an attestation event (kind 10033, docs/nip-compute.md) and checks it (pure): one {@code
 * node}, {@code tee}, {@code measurement} and NIP-40 {@code expiration} tag, at most one base64
 * {@code quote}, valid now and for no longer than {@code maxValidity}, of a registered node, signed
 * by that node's key or by one of the {@code attesters}. The quote's content is not checked.
 */
public record AttestationRules(Duration maxValidity, int maxQuoteBytes, Set<String> attesters) {

  /** Longest measurement, in characters. */
  public static final int MAX_MEASUREMENT = 256;

  public AttestationRules {
    attesters = Set.copyOf(attesters);
  }

  /**
   * The claim of an attestation that passes every check.
   *
   * @param nodeKeys the registered key of a node, by its id; empty for an unknown node
   * @throws ComputeRefusal ({@code invalid:}, {@code restricted:}) naming what is wrong
   */
  public AttestationSummary read(
      NostrEvent event, Instant now, Function<String, Optional<String>> nodeKeys) {
    String nodeId = single(event, "node");
    if (!Hex.isLowercaseHex(nodeId, 32)) {
      throw invalid("the node tag must be a node id (64 hex digits)");
    }
    String nodeKey =
        nodeKeys.apply(nodeId).orElseThrow(() -> invalid("no node " + nodeId + " here"));
    boolean byNode = nodeKey.equals(event.pubkey());
    if (!byNode && !attesters.contains(event.pubkey())) {
      throw new ComputeRefusal(
          "restricted: only the node's own key or a trusted attester may attest node " + nodeId);
    }
    String teeTag = single(event, "tee");
    TeeType tee =
        TeeType.ofTag(teeTag)
            .orElseThrow(
                () -> invalid("tee must be sev-snp, tdx, sgx, nitro or none, not " + teeTag));
    String measurement = single(event, "measurement");
    if (measurement.isEmpty()
        || measurement.length() > MAX_MEASUREMENT
        || !measurement.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
      throw invalid("the measurement must be 1 to " + MAX_MEASUREMENT + " printable characters");
    }
    Instant issuedAt = Instant.ofEpochSecond(event.createdAt());
    Instant expiresAt = expiration(single(event, "expiration"));
    if (!expiresAt.isAfter(now)) {
      throw invalid("the attestation has expired");
    }
    if (!expiresAt.isAfter(issuedAt) || expiresAt.isAfter(issuedAt.plus(maxValidity))) {
      throw invalid("an attestation must expire within " + maxValidity + " of its created_at");
    }
    List<String> quotes = event.tagValues("quote");
    if (quotes.size() > 1) {
      throw invalid("at most one quote tag");
    }
    byte[] quote = quotes.isEmpty() ? new byte[0] : decode(quotes.get(0));
    return new AttestationSummary(
        event.id(),
        nodeId,
        event.pubkey(),
        byNode,
        tee,
        measurement,
        quote.length == 0 ? null : Sha256.hex(quote),
        quote.length,
        issuedAt,
        expiresAt);
  }

  private byte[] decode(String base64) {
    // Checked by length first, so a huge quote is refused before it is decoded.
    if (base64.length() > (maxQuoteBytes + 2) / 3 * 4) {
      throw invalid("the quote is larger than " + maxQuoteBytes + " bytes");
    }
    byte[] quote;
    try {
      quote = Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw invalid("the quote is not base64");
    }
    if (quote.length > maxQuoteBytes) {
      throw invalid("the quote is larger than " + maxQuoteBytes + " bytes");
    }
    return quote;
  }

  private static Instant expiration(String value) {
    try {
      return Instant.ofEpochSecond(Long.parseLong(value));
    } catch (NumberFormatException | DateTimeException e) {
      throw invalid("expiration must be a unix time in seconds");
    }
  }

  private static String single(NostrEvent event, String tag) {
    return event
        .singleTag(tag)
        .orElseThrow(() -> invalid("exactly one " + tag + " tag is required"));
  }

  private static ComputeRefusal invalid(String why) {
    return new ComputeRefusal("invalid: " + why);
  }
}
