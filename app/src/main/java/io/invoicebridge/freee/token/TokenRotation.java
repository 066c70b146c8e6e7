package io.invoicebridge.freee.token;

import io.invoicebridge.freee.token.TokenRecord.RefreshFailure;
import io.invoicebridge.metrics.OperationalEvents;
import io.invoicebridge.metrics.RefreshTokenAge;
import io.invoicebridge.metrics.TokenRefresh;
import io.invoicebridge.timing.Deadline;
import io.micronaut.core.annotation.Nullable;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The steps taken while holding the {@link TokenLock} (docs/configuration.md, "freee tokens"):
 * re-read the record, adopt a new seed, skip the refresh when another instance already rotated,
 * refresh once, and persist the rotated refresh token before anyone uses the new access token
 * ({@link RotatedTokenSaver}). A refresh token freee refused once is never sent again: only a new
 * seed or another instance's rotation replaces it.
 */
final class TokenRotation {

  static final String LOST_REASON =
      "refresh response lost; the refresh token may be spent;"
          + " re-authorize and deploy a new FREEE_REFRESH_TOKEN";
  static final String INVALID_GRANT_REASON =
      "freee refused the refresh token (invalid_grant);"
          + " re-authorize and deploy a new FREEE_REFRESH_TOKEN";

  private static final Logger LOG = LoggerFactory.getLogger(TokenRotation.class);

  private final TokenStore store;
  private final FreeeTokenEndpoint endpoint;
  private final @Nullable SeedToken seed;
  private final Clock clock;
  private final OperationalEvents events;
  private final RotatedTokenSaver saver;

  TokenRotation(
      TokenStore store,
      FreeeTokenEndpoint endpoint,
      @Nullable SeedToken seed,
      Clock clock,
      OperationalEvents events,
      RotatedTokenSaver saver) {
    this.store = store;
    this.endpoint = endpoint;
    this.seed = seed;
    this.clock = clock;
    this.events = events;
    this.saver = saver;
  }

  /** Whether {@code record} already holds this deployment's seed (or there is none to adopt). */
  boolean seedAdopted(TokenRecord record) {
    return seed == null || record.adopted(seed.hash());
  }

  /** Whether {@code record}'s access token may be used: fresh enough and not the rejected one. */
  boolean usable(@Nullable TokenRecord record, @Nullable String rejected) {
    return record != null
        && record.accessTokenValidFor(clock.instant(), AccessTokenProvider.REFRESH_MARGIN)
        && !record.accessToken().equals(rejected);
  }

  /**
   * Must run under the lock.
   *
   * @param deadline for the refresh call
   * @param leaseEnds until when the rotated token's write may be retried
   * @return the record whose access token is usable: persisted, or held by {@link UnsavedToken}
   */
  TokenRecord rotate(@Nullable String rejected, Deadline deadline, Instant leaseEnds) {
    TokenRecord record = adoptSeedIfNew(store.read());
    return usable(record, rejected) ? record : refresh(record, deadline, leaseEnds, true);
  }

  private TokenRecord adoptSeedIfNew(Optional<TokenRecord> stored) {
    if (stored.isPresent() && seedAdopted(stored.get())) {
      return stored.get();
    }
    if (seed == null) {
      throw new TokenRefreshFailedException("no freee token record and no FREEE_REFRESH_TOKEN");
    }
    // Every adopted hash is kept: forgetting one would let an old deployment re-adopt its spent
    // seed and overwrite the live refresh token.
    List<String> hashes =
        new ArrayList<>(stored.map(TokenRecord::adoptedSeedHashes).orElse(List.of()));
    hashes.add(seed.hash());
    TokenRecord adopted = new TokenRecord(null, null, seed.value(), clock.instant(), hashes, null);
    if (!store.replace(stored.orElse(null), adopted)) {
      LOG.info("the token record changed while adopting FREEE_REFRESH_TOKEN; using the stored one");
      return store
          .read()
          .orElseThrow(() -> new TokenStoreUnavailableException("read", "the record vanished"));
    }
    LOG.info("adopted a new FREEE_REFRESH_TOKEN into the token store");
    return adopted;
  }

  private TokenRecord refresh(
      TokenRecord record, Deadline deadline, Instant leaseEnds, boolean mayReRead) {
    if (refusedBefore(record)) {
      throw new TokenRefreshFailedException(INVALID_GRANT_REASON);
    }
    RefreshResult result;
    try {
      result = endpoint.refresh(record.refreshToken(), deadline);
    } catch (TokenEndpointUnreachableException e) {
      result = new RefreshResult.Failed(e.getMessage());
    }
    return switch (result) {
      case RefreshResult.Granted granted -> persist(record, granted, leaseEnds);
      case RefreshResult.InvalidGrant ignored when mayReRead ->
          afterInvalidGrant(record, deadline, leaseEnds);
      case RefreshResult.InvalidGrant ignored -> fail(record, INVALID_GRANT_REASON);
      case RefreshResult.Lost lost -> {
        LOG.error("freee token refresh answer lost: {}", lost.reason());
        yield fail(record, LOST_REASON);
      }
      case RefreshResult.Failed failed -> fail(record, failed.reason());
      case RefreshResult.NotSent notSent ->
          throw new TokenDeadlineExceededException("refreshing the freee access token");
    };
  }

  /** freee refused this record's refresh token already: sending it again cannot succeed. */
  private static boolean refusedBefore(TokenRecord record) {
    return record.lastFailure() != null
        && INVALID_GRANT_REASON.equals(record.lastFailure().reason());
  }

  /** Another instance may have rotated the token after our read (e.g. its lease outlived ours). */
  private TokenRecord afterInvalidGrant(TokenRecord record, Deadline deadline, Instant leaseEnds) {
    TokenRecord current = store.read().orElse(record);
    if (current.refreshToken().equals(record.refreshToken())) {
      return fail(record, INVALID_GRANT_REASON);
    }
    LOG.info(
        "freee refused a refresh token another instance had already rotated; using the new one");
    return usable(current, null) ? current : refresh(current, deadline, leaseEnds, false);
  }

  private TokenRecord persist(TokenRecord old, RefreshResult.Granted granted, Instant leaseEnds) {
    Instant now = clock.instant();
    boolean rotated = granted.refreshToken() != null;
    TokenRecord fresh =
        new TokenRecord(
            granted.accessToken(),
            now.plus(granted.expiresIn()),
            rotated ? granted.refreshToken() : old.refreshToken(),
            rotated ? now : old.refreshTokenIssuedAt(),
            old.adoptedSeedHashes(),
            null);
    LOG.info(
        "refreshed the freee access token; it expires in {} s", granted.expiresIn().toSeconds());
    if (saver.save(old, fresh, leaseEnds)) {
      events.emit(new TokenRefresh(TokenRefresh.Result.SUCCEEDED));
      events.emit(new RefreshTokenAge(fresh.refreshTokenAge(now).toDays()));
    }
    return fresh;
  }

  /** The failure is recorded only over the same refresh token: the store may have moved on. */
  private TokenRecord fail(TokenRecord record, String reason) {
    store.replace(record, record.withFailure(new RefreshFailure(reason, clock.instant())));
    LOG.error("freee token refresh failed: {}", reason);
    events.emit(new TokenRefresh(TokenRefresh.Result.FAILED));
    throw new TokenRefreshFailedException(reason);
  }
}
