package io.invoicebridge.freee.token;

import io.invoicebridge.metrics.OperationalEvents;
import io.invoicebridge.metrics.TokenRefresh;
import io.invoicebridge.timing.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores the record of a refresh freee has just answered. freee spent the old refresh token, so the
 * new one must not be lost: the fenced write is retried while the refresh lock's lease lasts (no
 * other instance refreshes meanwhile), and if the store is still unreachable then, the record stays
 * with this instance's {@link UnsavedToken}, which keeps using and saving it, and an ERROR line and
 * a failed {@code token_refresh} event (the alert {@code token_refresh_failed}) say so.
 */
final class RotatedTokenSaver {

  static final Duration FIRST_WAIT = Duration.ofMillis(200);
  static final Duration LONGEST_WAIT = Duration.ofSeconds(2);

  private static final Logger LOG = LoggerFactory.getLogger(RotatedTokenSaver.class);

  private final TokenStore store;
  private final UnsavedToken unsaved;
  private final Clock clock;
  private final Sleeper sleeper;
  private final OperationalEvents events;

  RotatedTokenSaver(
      TokenStore store,
      UnsavedToken unsaved,
      Clock clock,
      Sleeper sleeper,
      OperationalEvents events) {
    this.store = store;
    this.unsaved = unsaved;
    this.clock = clock;
    this.sleeper = sleeper;
    this.events = events;
  }

  /**
   * Stores {@code fresh} over {@code spent}, retrying until {@code leaseEnds}.
   *
   * @return whether the store holds it; when not, {@link UnsavedToken} does
   */
  boolean save(TokenRecord spent, TokenRecord fresh, Instant leaseEnds) {
    Duration wait = FIRST_WAIT;
    int attempts = 0;
    while (true) {
      attempts++;
      try {
        if (!store.replace(spent, fresh)) {
          LOG.warn(
              "the token store holds a refresh token this refresh did not replace (the lock's"
                  + " lease had run out, or a new FREEE_REFRESH_TOKEN was adopted); keeping it");
        }
        return true;
      } catch (TokenStoreUnavailableException e) {
        if (!clock.instant().plus(wait).isBefore(leaseEnds) || !pause(wait)) {
          keep(spent, fresh, attempts, e);
          return false;
        }
        wait =
            wait.multipliedBy(2).compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait.multipliedBy(2);
      }
    }
  }

  private void keep(
      TokenRecord spent, TokenRecord fresh, int attempts, TokenStoreUnavailableException failure) {
    unsaved.hold(spent, fresh);
    LOG.error(
        "freee rotated the refresh token, but the token store could not record it in {} attempts"
            + " while the refresh lock lasted ({}); this instance keeps it in memory, uses it and"
            + " keeps trying to store it. Should every instance stop before it is stored,"
            + " re-authorize the freee app and deploy a new FREEE_REFRESH_TOKEN",
        attempts,
        failure.getMessage());
    events.emit(new TokenRefresh(TokenRefresh.Result.UNSAVED));
  }

  private boolean pause(Duration wait) {
    try {
      sleeper.sleep(wait);
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
