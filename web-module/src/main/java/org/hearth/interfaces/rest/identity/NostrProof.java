package org.hearth.interfaces.rest.identity;

import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotNull;

/** A signed kind 22242 event carrying a challenge from this server. */
public class NostrProof {

  @NotNull public JsonObject event;
}
