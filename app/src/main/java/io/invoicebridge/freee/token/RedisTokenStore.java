package io.invoicebridge.freee.token;

import io.invoicebridge.redis.RedisConnections;
import io.invoicebridge.redis.RedisKeys;
import io.lettuce.core.RedisException;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The token record shared by every instance: one JSON string at {@code ib:{ns}:token}, without
 * expiry (it is the only copy of a rotating refresh token). Writers hold the {@link TokenLock}.
 */
public final class RedisTokenStore implements TokenStore {

  private final RedisConnections redis;
  private final RedisKeys keys;
  private final JsonMapper json;

  public RedisTokenStore(RedisConnections redis, RedisKeys keys, JsonMapper json) {
    this.redis = redis;
    this.keys = keys;
    this.json = json;
  }

  @Override
  public Optional<TokenRecord> read() {
    String stored = step("read", () -> redis.call(r -> r.get(keys.token())));
    if (stored == null) {
      return Optional.empty();
    }
    return Optional.of(step("read", () -> fromJson(stored)));
  }

  @Override
  public void write(TokenRecord record) {
    String text = step("write", () -> toJson(record));
    step("write", () -> redis.call(r -> r.set(keys.token(), text)));
  }

  @Override
  public boolean shared() {
    return true;
  }

  private TokenRecord fromJson(String text) {
    try {
      return json.readValue(text, TokenRecord.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String toJson(TokenRecord record) {
    try {
      return json.writeValueAsString(record);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static <T> T step(String step, Supplier<T> action) {
    try {
      return action.get();
    } catch (RedisException | UncheckedIOException e) {
      throw new TokenStoreUnavailableException(step, e);
    }
  }
}
