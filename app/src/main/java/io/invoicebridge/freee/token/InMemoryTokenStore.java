package io.invoicebridge.freee.token;

import io.micronaut.core.annotation.Nullable;
import java.util.Objects;
import java.util.Optional;

/** The token record for one instance, used when no {@code REDIS_URL} is configured. */
public final class InMemoryTokenStore implements TokenStore {

  private @Nullable TokenRecord record;

  @Override
  public synchronized Optional<TokenRecord> read() {
    return Optional.ofNullable(record);
  }

  @Override
  public synchronized boolean replace(@Nullable TokenRecord current, TokenRecord next) {
    String expected = current == null ? null : current.refreshToken();
    String stored = record == null ? null : record.refreshToken();
    if (!Objects.equals(expected, stored) && !next.refreshToken().equals(stored)) {
      return false;
    }
    record = next;
    return true;
  }

  @Override
  public boolean shared() {
    return false;
  }
}
