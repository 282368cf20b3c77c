package org.hearth.application.nostr;

import org.hearth.protocol.nostr.NostrEvent;

/**
 * The relay accepted an event: subscribers whose filters match get it now.
 *
 * @param ours whether Hearth published it itself (signed by the marketplace's key or by a connected
 *     node's agent), not a client or another relay
 */
public record EventAccepted(NostrEvent event, String json, boolean ours) {}
