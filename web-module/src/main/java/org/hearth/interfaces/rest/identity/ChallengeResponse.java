package org.hearth.interfaces.rest.identity;

import java.time.Instant;

/** A challenge to sign in a kind 22242 event, with the relay tag it must carry. */
public class ChallengeResponse {
  public String challenge;
  public String relay;
  public Instant expiresAt;
}
