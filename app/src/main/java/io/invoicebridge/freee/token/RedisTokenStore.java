package io.invoicebridge.freee.token;

import io.invoicebridge.config.TokenEncryptionKeys;
import io.invoicebridge.redis.RedisConnections;
import io.invoicebridge.redis.RedisKeys;
import io.invoicebridge.redis.RedisScript;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The token record shared by every instance: one string at {@code ib:{ns}:token}, sealed with
 * AES-256-GCM by {@link TokenSeal} (whoever reads Redis learns no token), without expiry (it is the
 * only copy of a rotating refresh token). Writes are one Lua script fenced by the refresh token
 * they replace. A record an older version stored as plaintext is sealed when first read; one sealed
 * with a previous key is sealed again with the current key.
 */
public final class RedisTokenStore implements TokenStore {

  private static final Logger LOG = LoggerFactory.getLogger(RedisTokenStore.class);
  private static final RedisScript REPLACE =
      RedisScript.fromResource("/io/invoicebridge/freee/token/token-replace.lua");
  private static final RedisScript SEAL_PLAINTEXT =
      RedisScript.fromResource("/io/invoicebridge/freee/token/token-seal-plaintext.lua");

  private final RedisConnections redis;
  private final String key;
  private final JsonMapper json;
  private final TokenSeal seal;

  public RedisTokenStore(
      RedisConnections redis, RedisKeys keys, JsonMapper json, TokenEncryptionKeys encryption) {
    this.redis = redis;
    this.key = keys.token();
    this.json = json;
    this.seal = new TokenSeal(encryption);
  }

  @Override
  public Optional<TokenRecord> read() {
    String stored = step("read", () -> redis.call(r -> r.get(key)));
    if (stored == null) {
      return Optional.empty();
    }
    if (!TokenSeal.isSealed(stored)) {
      return Optional.of(sealPlaintext(stored));
    }
    TokenSeal.Opened opened = seal.open(key, stored);
    TokenRecord record = fromJson(opened.plaintext());
    if (!opened.keyId().equals(seal.currentKeyId())) {
      sealAgain(record, opened.keyId());
    }
    return Optional.of(record);
  }

  @Override
  public boolean replace(@Nullable TokenRecord current, TokenRecord next) {
    String expected = current == null ? "" : TokenSeal.fence(current.refreshToken());
    String fence = TokenSeal.fence(next.refreshToken());
    String sealed = seal.seal(key, fence, toJson(next));
    String[] scriptKeys = {key};
    Long written =
        step(
            "write",
            () ->
                redis.run(REPLACE, ScriptOutputType.INTEGER, scriptKeys, expected, fence, sealed));
    return written == 1L;
  }

  @Override
  public boolean shared() {
    return true;
  }

  /**
   * The plaintext is sent back once, as the compare value of the script that replaces it: Redis
   * held it anyway, and from then on holds it sealed only.
   */
  private TokenRecord sealPlaintext(String plaintext) {
    TokenRecord record = fromJson(plaintext.getBytes(StandardCharsets.UTF_8));
    String sealed = seal.seal(key, TokenSeal.fence(record.refreshToken()), toJson(record));
    String[] scriptKeys = {key};
    Long done =
        step(
            "seal",
            () ->
                redis.run(SEAL_PLAINTEXT, ScriptOutputType.INTEGER, scriptKeys, plaintext, sealed));
    if (done == 1L) {
      LOG.info("sealed the plaintext freee token record of an earlier version");
    }
    return record;
  }

  /** Best effort: the record stays readable with the previous key until this succeeds. */
  private void sealAgain(TokenRecord record, String previousKeyId) {
    try {
      if (replace(record, record)) {
        LOG.info(
            "sealed the freee token record again with key id {} (it was sealed with {})",
            seal.currentKeyId(),
            previousKeyId);
      }
    } catch (TokenStoreUnavailableException e) {
      LOG.warn("could not seal the freee token record with the current key: {}", e.getMessage());
    }
  }

  private TokenRecord fromJson(byte[] text) {
    return step(
        "read",
        () -> {
          try {
            return json.readValue(text, TokenRecord.class);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private byte[] toJson(TokenRecord record) {
    return step(
        "write",
        () -> {
          try {
            return json.writeValueAsBytes(record);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  private static <T> T step(String step, Supplier<T> action) {
    try {
      return action.get();
    } catch (RedisException | UncheckedIOException e) {
      throw new TokenStoreUnavailableException(step, e);
    }
  }
}
