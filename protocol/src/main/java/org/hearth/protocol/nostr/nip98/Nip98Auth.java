package org.hearth.protocol.nostr.nip98;

import java.time.Instant;

/**
 * A request authenticated by NIP-98.
 *
 * @param pubkey the signer's public key, 64 lowercase hex characters
 * @param eventId the id of the auth event, now used up
 * @param createdAt when the client made the auth event
 */
public record Nip98Auth(String pubkey, String eventId, Instant createdAt) {}
