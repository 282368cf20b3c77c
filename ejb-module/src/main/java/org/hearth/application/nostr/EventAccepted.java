package org.hearth.application.nostr;

import org.hearth.protocol.nostr.NostrEvent;

/** The relay accepted an event: subscribers whose filters match get it now. */
public record EventAccepted(NostrEvent event, String json) {}
