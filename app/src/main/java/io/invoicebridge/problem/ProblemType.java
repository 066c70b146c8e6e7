package io.invoicebridge.problem;

/** Every kind of error the API answers with; the slug is part of the stable problem type URI. */
public enum ProblemType {
  MALFORMED_BODY("malformed-body", "The body is not valid JSON of the expected shape", 400),
  MISSING_IDEMPOTENCY_KEY(
      "missing-idempotency-key", "Idempotency-Key header missing or invalid", 400),
  MISSING_PARAMETER("missing-parameter", "A required query parameter is missing", 400),
  INVALID_PARAMETER("invalid-parameter", "A path or query parameter is invalid", 400),
  UNAUTHORIZED("unauthorized", "A valid bearer token is required", 401),
  NOT_FOUND("not-found", "Nothing is known under this name", 404),
  METHOD_NOT_ALLOWED("method-not-allowed", "This method is not allowed here", 405),
  IN_PROGRESS("in-progress", "Another request is working on this key", 409),
  PAYLOAD_TOO_LARGE("payload-too-large", "The request is too large", 413),
  UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Send application/json", 415),
  VALIDATION("validation", "The request has invalid items; nothing was sent", 422),
  KEY_CONFLICT("key-conflict", "The key was used before with a different invoice", 422),
  REJECTED_BY_FREEE("rejected-by-freee", "freee refused the invoice", 422),
  FREEE_FAILURE("freee-failure", "freee failed; it is safe to resend", 502),
  UNAVAILABLE("unavailable", "Temporarily unavailable; it is safe to resend", 503),
  DEADLINE("deadline", "No time was left to finish; it is safe to resend", 504),
  INTERNAL("internal", "Unexpected error", 500);

  private final String slug;
  private final String title;
  private final int status;

  ProblemType(String slug, String title, int status) {
    this.slug = slug;
    this.title = title;
    this.status = status;
  }

  public String slug() {
    return slug;
  }

  public String title() {
    return title;
  }

  public int status() {
    return status;
  }
}
