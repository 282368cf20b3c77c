package org.hearth.interfaces.rest.problem;

/** Every kind of problem the API answers with. */
public enum ProblemType {
  MALFORMED_REQUEST(400, "Malformed request"),
  INVALID_FIELD(400, "Invalid field"),
  UNAUTHENTICATED(401, "Authentication required"),
  PAYMENT_REQUIRED(402, "Payment required"),
  SIGN_IN_FAILED(401, "Sign-in failed"),
  FORBIDDEN(403, "Not allowed"),
  CROSS_SITE_REQUEST(403, "Cross-site request refused"),
  NOT_FOUND(404, "Not found"),
  METHOD_NOT_ALLOWED(405, "Method not allowed"),
  NOT_ACCEPTABLE(406, "Not acceptable"),
  CONFLICT(409, "Conflict"),
  PAYLOAD_TOO_LARGE(413, "Payload too large"),
  UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
  RATE_LIMITED(429, "Too many requests"),
  SERVICE_UNAVAILABLE(503, "Service unavailable"),
  INTERNAL(500, "Internal error");

  private final int status;
  private final String title;

  ProblemType(int status, String title) {
    this.status = status;
    this.title = title;
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public String uri() {
    return "urn:hearth:problem:" + name().toLowerCase().replace('_', '-');
  }

  /** The type for an HTTP status the JAX-RS runtime chose itself (unknown path, wrong verb). */
  public static ProblemType forStatus(int status) {
    for (ProblemType type : values()) {
      if (type.status == status
          && type != INVALID_FIELD
          && type != SIGN_IN_FAILED
          && type != CROSS_SITE_REQUEST) {
        return type;
      }
    }
    return status >= 500 ? INTERNAL : MALFORMED_REQUEST;
  }
}
