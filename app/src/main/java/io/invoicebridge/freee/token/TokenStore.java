package io.invoicebridge.freee.token;

import java.util.Optional;

/**
 * Where the freee token record lives; shared by every instance when backed by Redis. Writers hold
 * the {@link TokenLock}, so plain read and write suffice.
 */
public interface TokenStore {

  /**
   * @throws TokenStoreUnavailableException when the store cannot be reached
   */
  Optional<TokenRecord> read();

  /**
   * Replaces the record. Called before a new access token is used, so a rotated refresh token is
   * never lost.
   *
   * @throws TokenStoreUnavailableException when the store cannot be reached
   */
  void write(TokenRecord record);

  /** Whether the record is shared by every instance (false in memory). */
  boolean shared();
}
