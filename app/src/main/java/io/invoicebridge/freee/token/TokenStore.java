package io.invoicebridge.freee.token;

import io.micronaut.core.annotation.Nullable;
import java.util.Optional;

/**
 * Where the freee token record lives; shared by every instance when backed by Redis. Writers hold
 * the {@link TokenLock}, and every write is fenced by the refresh token it replaces, so a writer
 * whose lease ran out while another instance rotated can never put an older record back.
 */
public interface TokenStore {

  /**
   * @throws TokenStoreUnavailableException when the store cannot be reached or its record cannot be
   *     read (e.g. sealed with a key this instance does not hold)
   */
  Optional<TokenRecord> read();

  /**
   * Stores {@code next} in place of {@code current}, the record the writer read: only while the
   * store still holds {@code current}'s refresh token, or holds nothing when {@code current} is
   * null. Called before a new access token is used, so a rotated refresh token is never lost. A
   * store that already holds {@code next}'s refresh token takes it too, so a write retried after
   * its answer was lost succeeds.
   *
   * @return false when the store holds another refresh token, or a record where none was expected
   *     (nothing was written)
   * @throws TokenStoreUnavailableException when the store cannot be reached (nothing was written,
   *     or the write may have happened without its answer reaching us)
   */
  boolean replace(@Nullable TokenRecord current, TokenRecord next);

  /** Whether the record is shared by every instance (false in memory). */
  boolean shared();
}
