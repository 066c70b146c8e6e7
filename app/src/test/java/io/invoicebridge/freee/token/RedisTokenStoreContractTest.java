package io.invoicebridge.freee.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.config.TokenEncryptionKeys;
import io.invoicebridge.redis.RedisKeys;
import io.invoicebridge.testing.RedisInstances;
import io.invoicebridge.testing.RedisServerExtension;
import io.invoicebridge.testing.TestConfig;
import io.micronaut.serde.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RedisServerExtension.class)
class RedisTokenStoreContractTest extends AbstractTokenStoreContractTest {

  private static final RedisKeys KEYS = new RedisKeys("1001");
  private static final ObjectMapper JSON = ObjectMapper.getDefault();
  private static final TokenEncryptionKeys KEY = TestConfig.tokenKeys();
  private static final TokenEncryptionKeys NEXT_KEY =
      TokenEncryptionKeys.parse(TestConfig.NEXT_TOKEN_ENCRYPTION_KEY);
  private static final TokenEncryptionKeys NEXT_THEN_KEY =
      TokenEncryptionKeys.parse(
          TestConfig.NEXT_TOKEN_ENCRYPTION_KEY + "," + TestConfig.TOKEN_ENCRYPTION_KEYS);

  @AutoClose private final RedisInstances instances = new RedisInstances();
  private final TokenStore store = newInstance(KEYS, KEY);

  @Override
  protected Fixture newFixture() {
    return new Fixture(store, newInstance(KEYS, KEY), true);
  }

  @Test
  void replace_record_isKeptWithoutExpiry() {
    store.replace(null, SEEDED);

    assertEquals(Duration.ofMillis(-1), RedisServerExtension.admin().pttl(KEYS.token()));
  }

  @Test
  void replace_record_holdsNoTokenReadableInRedis() {
    store.replace(null, REFRESHED);

    String stored = RedisServerExtension.admin().get(KEYS.token());

    assertTrue(stored.startsWith("v1." + KEY.current().id() + "."), "sealed with the key's id");
    for (String secret : List.of("access-2", "refresh-2", "seed-2", "timed out")) {
      assertFalse(stored.contains(secret), "readable in Redis: " + secret);
    }
  }

  @Test
  void read_unreadableRecord_failsAsUnavailable() {
    RedisServerExtension.admin().set(KEYS.token(), "{not json");

    assertThrows(TokenStoreUnavailableException.class, store::read);
  }

  @Test
  void read_sealedRecordAltered_failsAsUnavailable() {
    store.replace(null, REFRESHED);
    String sealed = RedisServerExtension.admin().get(KEYS.token());
    int last = sealed.length() - 2;
    String altered = sealed.substring(0, last) + (sealed.charAt(last) == 'A' ? 'B' : 'A') + "A";
    RedisServerExtension.admin().set(KEYS.token(), altered);

    TokenStoreUnavailableException failure =
        assertThrows(TokenStoreUnavailableException.class, store::read);

    assertTrue(failure.getMessage().contains("does not open"), failure.getMessage());
  }

  @Test
  void read_recordCopiedToAnotherCompanysKey_doesNotOpen() {
    RedisKeys otherCompany = new RedisKeys("2002");
    store.replace(null, REFRESHED);
    RedisServerExtension.admin()
        .set(otherCompany.token(), RedisServerExtension.admin().get(KEYS.token()));

    assertThrows(TokenStoreUnavailableException.class, newInstance(otherCompany, KEY)::read);
  }

  @Test
  void read_sealedWithAKeyNotConfigured_failsNamingItsIdButNoSecret() {
    store.replace(null, REFRESHED);

    TokenStoreUnavailableException failure =
        assertThrows(TokenStoreUnavailableException.class, newInstance(KEYS, NEXT_KEY)::read);

    assertTrue(failure.getMessage().contains(KEY.current().id()), failure.getMessage());
    assertTrue(failure.getMessage().contains("TOKEN_ENCRYPTION_KEYS"), failure.getMessage());
    assertFalse(failure.getMessage().contains(TestConfig.TOKEN_ENCRYPTION_KEYS));
  }

  @Test
  void read_sealedWithThePreviousKey_opensAndIsSealedWithTheNewOne() {
    // given: the record sealed before the operator put a new key first
    store.replace(null, REFRESHED);
    TokenStore afterRotation = newInstance(KEYS, NEXT_THEN_KEY);

    // when
    Optional<TokenRecord> read = afterRotation.read();

    // then: readable, sealed again with the new key, so the old one can go
    assertEquals(Optional.of(REFRESHED), read);
    String stored = RedisServerExtension.admin().get(KEYS.token());
    assertTrue(stored.startsWith("v1." + NEXT_KEY.current().id() + "."), stored);
    assertEquals(Optional.of(REFRESHED), newInstance(KEYS, NEXT_KEY).read());
  }

  @Test
  void read_plaintextRecordOfAnEarlierVersion_isReadAndSealed() throws IOException {
    RedisServerExtension.admin().set(KEYS.token(), JSON.writeValueAsString(REFRESHED));

    Optional<TokenRecord> read = store.read();

    assertEquals(Optional.of(REFRESHED), read);
    String stored = RedisServerExtension.admin().get(KEYS.token());
    assertTrue(TokenSeal.isSealed(stored), "sealed after the first read");
    assertFalse(stored.contains("refresh-2"));
    assertTrue(store.replace(REFRESHED, REFRESHED_AGAIN), "writes are fenced as usual after it");
  }

  private TokenStore newInstance(RedisKeys keys, TokenEncryptionKeys encryption) {
    return new RedisTokenStore(instances.connect(), keys, JSON, encryption);
  }
}
