package io.invoicebridge.freee.answer;

import io.invoicebridge.quota.QuotaWait;
import io.micronaut.json.JsonMapper;
import java.util.Optional;

/**
 * What one freee answer says, read once where it arrives: what kind of answer it is, freee's error
 * body, and, for an API call, the wait it put on every call (a 429, a 403 block, or a window it
 * spent). The engine, the error mapping and the metrics all take this reading; none reads the
 * answer's status codes or body again.
 */
public record FreeeReading(Kind kind, FreeeErrorBody error, Optional<QuotaWait> quotaWait) {

  /** The answers the bridge treats differently. */
  public enum Kind {
    SUCCESS,
    /** 401 {@code expired_access_token}: refresh once and send once more. */
    EXPIRED_ACCESS_TOKEN,
    /** Any other 401: the app's authorization is wrong; no waiting fixes it. */
    UNAUTHORIZED,
    /** 403 with one of freee's permission codes ({@link FreeeCodes#PERMISSION}). */
    PERMISSION_DENIED,
    /** 429: a window is spent. */
    RATE_LIMITED,
    /** 403 without a permission code: freee's "excessive access" block (about ten minutes). */
    EXCESSIVE_ACCESS,
    /** Any other 4xx: freee refused the request for good. */
    REFUSED,
    /** 5xx and anything else: may hide an action freee took. */
    SERVER_ERROR
  }

  /** The kind and error body of {@code answer}, with no wait (for answers outside the gate). */
  public static FreeeReading of(FreeeAnswer answer, JsonMapper json) {
    FreeeErrorBody error =
        answer.successful() ? FreeeErrorBody.none() : FreeeErrorBody.parse(json, answer.body());
    return new FreeeReading(kind(answer.status(), error), error, Optional.empty());
  }

  /** This reading with the wait the gate put on every call after it. */
  public FreeeReading withQuotaWait(Optional<QuotaWait> newWait) {
    return new FreeeReading(kind, error, newWait);
  }

  /** freee said to slow down: every call is paused until {@link #quotaWait()} ends. */
  public boolean throttled() {
    return kind == Kind.RATE_LIMITED || kind == Kind.EXCESSIVE_ACCESS;
  }

  private static Kind kind(int status, FreeeErrorBody error) {
    if (status >= 200 && status < 300) {
      return Kind.SUCCESS;
    }
    return switch (status) {
      case 401 ->
          error.hasCode(FreeeCodes.EXPIRED_ACCESS_TOKEN)
              ? Kind.EXPIRED_ACCESS_TOKEN
              : Kind.UNAUTHORIZED;
      case 403 ->
          FreeeCodes.permissionDenied(error) ? Kind.PERMISSION_DENIED : Kind.EXCESSIVE_ACCESS;
      case 429 -> Kind.RATE_LIMITED;
      default -> status >= 400 && status < 500 ? Kind.REFUSED : Kind.SERVER_ERROR;
    };
  }
}
