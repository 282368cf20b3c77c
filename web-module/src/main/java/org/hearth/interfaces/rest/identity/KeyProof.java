package org.hearth.interfaces.rest.identity;

import jakarta.json.JsonObject;
import jakarta.validation.constraints.Size;

/** Proof of a key to link: either an EIP-4361 message with its signature, or a Nostr event. */
public class KeyProof {

  @Size(max = 4096)
  public String message;

  @Size(max = 140)
  public String signature;

  public JsonObject event;
}
