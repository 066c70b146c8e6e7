package io.invoicebridge.freee.token;

import io.invoicebridge.config.BridgeConfig;
import io.invoicebridge.metrics.OperationalEvents;
import io.invoicebridge.metrics.RefreshTokenAge;
import io.invoicebridge.timing.Deadline;
import io.invoicebridge.timing.Sleeper;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands out freee access tokens (docs/configuration.md, "freee tokens"). The token is cached
 * in-process with its expiry, so the happy path touches no store; the store is read once when the
 * cached token is near expiry or was rejected, and a refresh happens only under the shared {@link
 * TokenLock}, by one thread of this instance at a time. A rotated record the store could not take
 * yet ({@link UnsavedToken}) is used from memory, and saved before anything else is read or
 * refreshed.
 */
@Singleton
public class AccessTokenProvider {

  /** Refresh when less than this much access-token life remains. */
  public static final Duration REFRESH_MARGIN = Duration.ofMinutes(10);

  static final Duration LOCK_LEASE = Duration.ofSeconds(30);
  static final Duration LOCK_POLL = Duration.ofMillis(100);

  /** The refresh call must end this long before the lease, so the lock is never held past it. */
  static final Duration LEASE_SAFETY = Duration.ofSeconds(5);

  /** A rotated token's write is retried until this long before the lease ends. */
  static final Duration WRITE_SAFETY = Duration.ofSeconds(1);

  private static final Logger LOG = LoggerFactory.getLogger(AccessTokenProvider.class);

  private final TokenStore store;
  private final TokenLock lock;
  private final TokenRotation rotation;
  private final UnsavedToken unsaved;
  private final Clock clock;
  private final Sleeper sleeper;
  private final OperationalEvents events;
  private final ReentrantLock localLock = new ReentrantLock();
  private volatile @Nullable TokenRecord cached;

  @Inject
  public AccessTokenProvider(
      TokenStore store,
      TokenLock lock,
      FreeeTokenEndpoint endpoint,
      BridgeConfig config,
      Clock clock,
      OperationalEvents events) {
    this(store, lock, endpoint, config.freee().seedRefreshToken(), clock, Sleeper.SYSTEM, events);
  }

  public AccessTokenProvider(
      TokenStore store,
      TokenLock lock,
      FreeeTokenEndpoint endpoint,
      @Nullable String seedRefreshToken,
      Clock clock,
      Sleeper sleeper,
      OperationalEvents events) {
    this.store = store;
    this.lock = lock;
    this.unsaved = new UnsavedToken(store, clock);
    this.rotation =
        new TokenRotation(
            store,
            endpoint,
            seedRefreshToken == null ? null : SeedToken.of(seedRefreshToken),
            clock,
            events,
            new RotatedTokenSaver(store, unsaved, clock, sleeper, events));
    this.clock = clock;
    this.sleeper = sleeper;
    this.events = events;
  }

  /**
   * An access token with at least {@link #REFRESH_MARGIN} of life left.
   *
   * @throws TokenRefreshFailedException when a needed refresh failed (reason recorded for health)
   * @throws TokenDeadlineExceededException when the deadline passed first; nothing was sent
   * @throws TokenStoreUnavailableException when the store or lock cannot be reached
   */
  public String accessToken(Deadline deadline) {
    TokenRecord current = cached;
    return rotation.usable(current, null) && !unsaved.held()
        ? current.accessToken()
        : renew(null, deadline);
  }

  /**
   * A token other than {@code rejected}, which freee answered with {@code expired_access_token}:
   * reuses one another thread or instance already obtained, else forces one refresh. Throws as
   * {@link #accessToken}.
   */
  public String refreshAfterRejection(String rejected, Deadline deadline) {
    return renew(rejected, deadline);
  }

  /**
   * The credentials' state for health and preflight; reads the store.
   *
   * @throws TokenStoreUnavailableException when the store cannot be reached
   */
  public TokenStatus status() {
    TokenStatus status = TokenStatus.of(store.read().orElse(null), clock.instant(), store.shared());
    if (status.refreshTokenAge() != null) {
      events.emit(new RefreshTokenAge(status.refreshTokenAge().toDays()));
    }
    return status;
  }

  private String renew(@Nullable String rejected, Deadline deadline) {
    lockLocally(deadline);
    try {
      TokenRecord current = cached;
      if (!unsaved.trySave()) {
        return fromMemoryOnly(current, rejected);
      }
      if (rotation.usable(current, rejected)) {
        return current.accessToken();
      }
      Optional<TokenRecord> stored = store.read();
      TokenRecord fresh =
          stored.filter(r -> rotation.seedAdopted(r) && rotation.usable(r, rejected)).isPresent()
              ? stored.get()
              : rotateUnderSharedLock(rejected, deadline);
      cached = fresh;
      return fresh.accessToken();
    } finally {
      localLock.unlock();
    }
  }

  /**
   * While the store lacks the rotated record this instance holds, the store's record names a spent
   * refresh token: nothing may be read or refreshed from it, so only the held access token serves.
   */
  private String fromMemoryOnly(TokenRecord held, @Nullable String rejected) {
    if (rotation.usable(held, rejected)) {
      return held.accessToken();
    }
    throw new TokenStoreUnavailableException(
        "write", "the rotated freee refresh token is not stored yet");
  }

  private TokenRecord rotateUnderSharedLock(@Nullable String rejected, Deadline deadline) {
    TokenLock.Lease lease = acquire(deadline);
    Instant leaseExpires = clock.instant().plus(LOCK_LEASE);
    Instant callEnds = leaseExpires.minus(LEASE_SAFETY);
    Deadline bounded = callEnds.isBefore(deadline.at()) ? new Deadline(callEnds, clock) : deadline;
    try {
      return rotation.rotate(rejected, bounded, leaseExpires.minus(WRITE_SAFETY));
    } finally {
      release(lease);
    }
  }

  private TokenLock.Lease acquire(Deadline deadline) {
    while (true) {
      Optional<TokenLock.Lease> lease = lock.tryAcquire(LOCK_LEASE);
      if (lease.isPresent()) {
        return lease.get();
      }
      if (!deadline.allows(LOCK_POLL)) {
        throw new TokenDeadlineExceededException("waiting for the token refresh lock");
      }
      try {
        sleeper.sleep(LOCK_POLL);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TokenDeadlineExceededException("waiting for the token refresh lock");
      }
    }
  }

  /** Never masks the rotation's own failure: the lease expires by itself anyway. */
  private void release(TokenLock.Lease lease) {
    try {
      if (!lock.release(lease)) {
        LOG.warn("the token refresh lock had expired before it was released");
      }
    } catch (RuntimeException e) {
      LOG.warn("could not release the token refresh lock: {}", e.getClass().getSimpleName());
    }
  }

  private void lockLocally(Deadline deadline) {
    try {
      if (localLock.tryLock(deadline.remaining().toMillis(), TimeUnit.MILLISECONDS)) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    throw new TokenDeadlineExceededException("waiting for another thread's token refresh");
  }
}
