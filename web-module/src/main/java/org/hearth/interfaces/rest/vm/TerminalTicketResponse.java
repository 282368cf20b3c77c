package org.hearth.interfaces.rest.vm;

import java.time.Instant;

/** A one-time ticket for a terminal WebSocket. */
public class TerminalTicketResponse {
  public String ticket;
  public String url;
  public Instant expiresAt;
}
