package io.invoicebridge.freee.token;

import io.micronaut.core.annotation.Nullable;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A rotated token record that this instance holds and the store does not: freee has spent the
 * refresh token the store still holds, so until the store takes this record it is the only copy of
 * the credential. Saving it is a fenced {@link TokenStore#replace} over the spent record, tried at
 * most once per {@link #RETRY_INTERVAL} so an outage does not add a store call to every request.
 */
final class UnsavedToken {

  static final Duration RETRY_INTERVAL = Duration.ofSeconds(1);

  private static final Logger LOG = LoggerFactory.getLogger(UnsavedToken.class);

  private final TokenStore store;
  private final Clock clock;
  private @Nullable TokenRecord spent;
  private @Nullable TokenRecord record;
  private Instant nextAttempt = Instant.MIN;

  UnsavedToken(TokenStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** Keeps {@code record} until the store holds it in place of {@code spent}. */
  synchronized void hold(TokenRecord spent, TokenRecord record) {
    this.spent = spent;
    this.record = record;
    this.nextAttempt = clock.instant().plus(RETRY_INTERVAL);
  }

  synchronized boolean held() {
    return record != null;
  }

  /**
   * Tries to save the held record, unless the last try was less than {@link #RETRY_INTERVAL} ago.
   *
   * @return true when nothing is held any more: saved, or the store moved on to a refresh token
   *     this record does not replace (e.g. a newly deployed FREEE_REFRESH_TOKEN was adopted)
   */
  synchronized boolean trySave() {
    if (record == null) {
      return true;
    }
    Instant now = clock.instant();
    if (now.isBefore(nextAttempt)) {
      return false;
    }
    nextAttempt = now.plus(RETRY_INTERVAL);
    try {
      if (store.replace(spent, record)) {
        LOG.info("the token store holds the rotated freee refresh token now");
      } else {
        LOG.warn(
            "the token store moved on to another freee refresh token; the rotated one this"
                + " instance held is dropped");
      }
    } catch (TokenStoreUnavailableException stillDown) {
      return false;
    }
    spent = null;
    record = null;
    return true;
  }
}
