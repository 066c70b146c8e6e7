package io.invoicebridge.freee.token;

import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/** How one refresh-token exchange with freee ended. Token values never appear in toString. */
sealed interface RefreshResult {

  /**
   * freee issued new tokens.
   *
   * @param refreshToken null when freee sent none (the old one then stays in use)
   */
  record Granted(String accessToken, Duration expiresIn, @Nullable String refreshToken)
      implements RefreshResult {
    @Override
    public String toString() {
      return "Granted[expiresIn=" + expiresIn + "]";
    }
  }

  /** freee refused the refresh token (spent, expired or revoked). */
  record InvalidGrant() implements RefreshResult {}

  /** Sent, but the answer was lost or unreadable: the refresh token may be spent. */
  record Lost(String reason) implements RefreshResult {}

  /** freee answered an error other than invalid_grant, or the endpoint stayed unreachable. */
  record Failed(String reason) implements RefreshResult {}

  /** No time was left to send the request. */
  record NotSent(String reason) implements RefreshResult {}
}
