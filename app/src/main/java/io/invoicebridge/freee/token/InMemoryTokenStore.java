package io.invoicebridge.freee.token;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** The token record for one instance, used when no {@code REDIS_URL} is configured. */
public final class InMemoryTokenStore implements TokenStore {

  private final AtomicReference<TokenRecord> record = new AtomicReference<>();

  @Override
  public Optional<TokenRecord> read() {
    return Optional.ofNullable(record.get());
  }

  @Override
  public void write(TokenRecord newRecord) {
    record.set(newRecord);
  }

  @Override
  public boolean shared() {
    return false;
  }
}
