package io.invoicebridge.auth;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A cloud access token asked for again only once it is within {@code early} of expiring: the
 * adapters' tokens for their own queue services (Azure's managed identity, Google's metadata
 * server).
 */
public final class CachedAccessToken {

  /** A token as its issuer gave it, with when it expires. */
  public record Issued(String token, Instant expiresAt) {}

  /** Asks the issuer for a new token. */
  @FunctionalInterface
  public interface Issuer {
    Issued issue() throws IOException, InterruptedException;
  }

  private final Issuer issuer;
  private final Duration early;
  private final Clock clock;
  private String token;
  private Instant refreshAt = Instant.MIN;

  public CachedAccessToken(Issuer issuer, Duration early, Clock clock) {
    this.issuer = issuer;
    this.early = early;
    this.clock = clock;
  }

  /** A token valid for at least {@code early} more, asked for when the kept one is not. */
  public synchronized String get() throws IOException, InterruptedException {
    if (token == null || !clock.instant().isBefore(refreshAt)) {
      Issued issued = issuer.issue();
      token = issued.token();
      refreshAt = issued.expiresAt().minus(early);
    }
    return token;
  }
}
