package io.invoicebridge.freee.token;

import io.invoicebridge.config.Redacted;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The one shared freee credential record. freee refresh tokens are single-use and rotate, so this
 * record (not the deployment's {@code FREEE_REFRESH_TOKEN}) is the source of truth once seeded.
 *
 * @param accessToken null until the first refresh after seeding
 * @param accessTokenExpiresAt null with {@code accessToken}
 * @param refreshTokenIssuedAt when freee issued the refresh token (it lives 90 days from then)
 * @param adoptedSeedHashes SHA-256 (hex) of every {@code FREEE_REFRESH_TOKEN} ever adopted, newest
 *     last, so an instance still running an old deployment never re-adopts a spent seed
 * @param lastFailure the last refresh failure, cleared by the next successful refresh
 */
@Serdeable
public record TokenRecord(
    @Nullable String accessToken,
    @Nullable Instant accessTokenExpiresAt,
    String refreshToken,
    Instant refreshTokenIssuedAt,
    List<String> adoptedSeedHashes,
    @Nullable RefreshFailure lastFailure) {

  /** freee refresh tokens expire this long after issue. */
  public static final Duration REFRESH_TOKEN_LIFETIME = Duration.ofDays(90);

  public TokenRecord {
    Objects.requireNonNull(refreshToken, "refreshToken");
    Objects.requireNonNull(refreshTokenIssuedAt, "refreshTokenIssuedAt");
    adoptedSeedHashes = List.copyOf(adoptedSeedHashes);
  }

  /** Whether the access token is usable for at least {@code margin} from {@code now}. */
  public boolean accessTokenValidFor(Instant now, Duration margin) {
    return accessToken != null
        && accessTokenExpiresAt != null
        && now.plus(margin).isBefore(accessTokenExpiresAt);
  }

  public Duration refreshTokenAge(Instant now) {
    return Duration.between(refreshTokenIssuedAt, now);
  }

  public boolean adopted(String seedHash) {
    return adoptedSeedHashes.contains(seedHash);
  }

  public TokenRecord withFailure(RefreshFailure failure) {
    return new TokenRecord(
        accessToken,
        accessTokenExpiresAt,
        refreshToken,
        refreshTokenIssuedAt,
        adoptedSeedHashes,
        failure);
  }

  /** The record without its two tokens. */
  @Override
  public String toString() {
    return "TokenRecord[accessToken="
        + Redacted.secret(accessToken)
        + ", accessTokenExpiresAt="
        + accessTokenExpiresAt
        + ", refreshToken="
        + Redacted.secret(refreshToken)
        + ", refreshTokenIssuedAt="
        + refreshTokenIssuedAt
        + ", adoptedSeedHashes="
        + adoptedSeedHashes
        + ", lastFailure="
        + lastFailure
        + "]";
  }

  /** Why the last refresh failed and when; never holds a token value. */
  @Serdeable
  public record RefreshFailure(String reason, Instant at) {}
}
