package org.hearth.protocol.nostr.nip98;

/** A request whose NIP-98 authorization is refused; the server answers 401. */
public class Nip98Exception extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why the authorization was refused. */
  public enum Reason {
    /** No Authorization header, or one of another scheme. */
    MISSING,
    /** The header, its base64 or the event JSON is malformed. */
    MALFORMED,
    /** The event is not of kind 27235. */
    WRONG_KIND,
    /** The id is not the event's hash, or the signature is invalid. */
    BAD_SIGNATURE,
    /** {@code created_at} is outside the accepted window, in the past or in the future. */
    EXPIRED,
    /** The {@code u} tag is missing or is not exactly the request URL. */
    URL_MISMATCH,
    /** The {@code method} tag is missing or is not the request method. */
    METHOD_MISMATCH,
    /** The {@code payload} tag is missing for a body, or is not the body's SHA-256. */
    PAYLOAD_MISMATCH,
    /** The event was already used. */
    REPLAYED
  }

  private final Reason reason;

  public Nip98Exception(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Nip98Exception(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
