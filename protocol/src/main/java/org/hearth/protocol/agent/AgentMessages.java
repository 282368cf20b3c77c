package org.hearth.protocol.agent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Reads and writes agent link messages as JSON. */
public final class AgentMessages {

  /** The largest control message either side accepts. */
  public static final int MAX_TEXT_BYTES = 64 * 1024;

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .findAndAddModules()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();

  private AgentMessages() {}

  public static String toJson(AgentMessage message) {
    try {
      return JSON.writeValueAsString(message);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + message, e);
    }
  }

  /**
   * @throws InvalidMessageException for anything that is not a known, well-formed message
   */
  public static AgentMessage fromJson(String json) throws InvalidMessageException {
    if (json.length() > MAX_TEXT_BYTES) {
      throw new InvalidMessageException("message larger than " + MAX_TEXT_BYTES + " bytes");
    }
    try {
      AgentMessage message = JSON.readValue(json, AgentMessage.class);
      if (message == null) {
        throw new InvalidMessageException("empty message");
      }
      return message;
    } catch (JsonProcessingException e) {
      throw new InvalidMessageException(e.getOriginalMessage());
    }
  }

  /** A link message that cannot be understood. */
  public static class InvalidMessageException extends Exception {
    public InvalidMessageException(String message) {
      super(message);
    }
  }
}
