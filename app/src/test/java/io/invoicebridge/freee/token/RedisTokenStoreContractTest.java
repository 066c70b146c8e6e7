package io.invoicebridge.freee.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.invoicebridge.redis.RedisConnections;
import io.invoicebridge.redis.RedisKeys;
import io.invoicebridge.redis.RedisTimeouts;
import io.invoicebridge.testing.RedisServerExtension;
import io.micronaut.serde.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(RedisServerExtension.class)
class RedisTokenStoreContractTest extends AbstractTokenStoreContractTest {

  private static final RedisKeys KEYS = new RedisKeys("1001");
  private static final ObjectMapper JSON = ObjectMapper.getDefault();

  private final List<RedisConnections> connections = new ArrayList<>();
  private final TokenStore store = newInstance();

  @AfterEach
  void closeConnections() {
    connections.forEach(RedisConnections::close);
  }

  @Override
  protected TokenStore store() {
    return store;
  }

  @Override
  protected TokenStore peerOf(TokenStore store) {
    return newInstance();
  }

  @Override
  protected boolean expectedShared() {
    return true;
  }

  @Test
  void write_record_isKeptWithoutExpiry() {
    store.write(SEEDED);

    assertEquals(Duration.ofMillis(-1), RedisServerExtension.admin().pttl(KEYS.token()));
  }

  @Test
  void read_unreadableRecord_failsAsUnavailable() {
    RedisServerExtension.admin().set(KEYS.token(), "{not json");

    assertThrows(TokenStoreUnavailableException.class, store::read);
  }

  private TokenStore newInstance() {
    RedisConnections redis =
        new RedisConnections(RedisServerExtension.url(), RedisTimeouts.DEFAULT);
    connections.add(redis);
    return new RedisTokenStore(redis, KEYS, JSON);
  }
}
