package org.hearth.application.nostr;

import org.hearth.protocol.nostr.NostrEvent;

/** An event another server of the cluster stored, for this server's live subscriptions. */
public record EventStoredElsewhere(NostrEvent event, String json) {}
