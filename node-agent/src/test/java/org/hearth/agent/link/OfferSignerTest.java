package org.hearth.agent.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.hearth.protocol.agent.AgentMessage;
import org.hearth.protocol.nostr.EventVerifier;
import org.hearth.protocol.nostr.NostrEvent;
import org.hearth.protocol.nostr.NostrKeyPair;
import org.junit.jupiter.api.Test;

class OfferSignerTest {

  private static final String NODE = "ab".repeat(32);
  private final NostrKeyPair key = NostrKeyPair.generate();
  private final OfferSigner signer = new OfferSigner(key, NODE);

  @Test
  void signsItsOwnNodesOfferAsKind31900() {
    AgentMessage.SignOffer offer =
        new AgentMessage.SignOffer(
            1_800_000_000L,
            List.of(List.of("d", NODE), List.of("t", "ssd")),
            "{\"region\":\"eu\"}");

    NostrEvent event = NostrEvent.fromJson(signer.sign(offer).orElseThrow().event());

    assertEquals(31900, event.kind());
    assertEquals(key.publicKeyHex(), event.pubkey());
    assertEquals(1_800_000_000L, event.createdAt());
    assertEquals(offer.tags(), event.tags());
    assertEquals(offer.content(), event.content());
    assertTrue(EventVerifier.verify(event));
  }

  @Test
  void signsNothingAddressedToAnotherNodeOrToSeveral() {
    String other = "cd".repeat(32);
    assertTrue(signer.sign(offer(List.of(List.of("d", other)))).isEmpty());
    assertTrue(signer.sign(offer(List.of(List.of("d", NODE), List.of("d", other)))).isEmpty());
    assertTrue(signer.sign(offer(List.of(List.of("t", "x")))).isEmpty());
    assertTrue(signer.sign(offer(List.of(List.of("d")))).isEmpty());
  }

  private static AgentMessage.SignOffer offer(List<List<String>> tags) {
    return new AgentMessage.SignOffer(1_800_000_000L, tags, "");
  }
}
