package org.hearth.application.compute;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.hearth.application.reputation.Attestations;
import org.hearth.domain.node.Node;
import org.hearth.domain.node.NodeRepository;
import org.hearth.protocol.nostr.NostrEvent;

/**
 * Takes attestations (kind 10033) from the relay that pass {@link AttestationRules}: of a node
 * registered here, signed by its own key or by an attester the marketplace trusts ({@code
 * hearth.attestation.attesters}). Newer events of their authors and NIP-09 deletions withdraw them.
 */
@Stateless
public class AttestationIntake {

  @Inject NodeRepository nodes;
  @Inject Attestations attestations;
  @Inject AttestationSettings settings;
  @Inject Clock clock;

  /**
   * Takes an attestation the relay accepted: kept if it is its node's newest. Like the relay, it
   * replaces its author's older attestations, even when it is not taken itself.
   *
   * @return why it is not taken ({@code invalid:}, {@code restricted:}), or empty
   */
  public Optional<String> ingest(NostrEvent event) {
    try {
      attestations.record(
          settings.rules().read(event, clock.instant(), id -> nodes.find(id).map(Node::pubkey)));
      return Optional.empty();
    } catch (ComputeRefusal e) {
      attestations.withdraw(event.pubkey(), Instant.ofEpochSecond(event.createdAt()), event.id());
      return Optional.of(e.getMessage());
    }
  }

  /**
   * A deletion (kind 5): its author's attestations named by {@code e} tags, and those up to its
   * time by an {@code a} tag of the author's kind 10033 address.
   */
  public void onDeletion(NostrEvent deletion) {
    String address = ComputeKinds.ATTESTATION + ":" + deletion.pubkey();
    if (deletion.tagValues("a").stream()
        .anyMatch(a -> a.equals(address) || a.equals(address + ":"))) {
      attestations.withdraw(
          deletion.pubkey(), Instant.ofEpochSecond(deletion.createdAt()), deletion.id());
    }
    attestations.forget(deletion.pubkey(), deletion.tagValues("e"));
  }
}
