package org.hearth.application.identity;

/** A session was revoked or logged out: whatever it opened (terminals) must close. */
public record SessionEnded(String sessionId) {}
