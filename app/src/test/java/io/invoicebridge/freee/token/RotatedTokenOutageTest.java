package io.invoicebridge.freee.token;

import static io.invoicebridge.testing.BridgeServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.testing.BridgeServer;
import io.invoicebridge.testing.FakeFreee;
import io.invoicebridge.testing.RedisServerExtension;
import io.invoicebridge.testing.TcpProxy;
import io.invoicebridge.testing.TestInvoices;
import io.invoicebridge.testing.TestItems;
import io.invoicebridge.testing.Waits;
import io.micronaut.json.tree.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * freee rotates the refresh token, and at that very moment the way to Redis is cut (a TCP proxy
 * between the bridge and the real redis-server), then restored: the rotated token must survive in
 * the instance until the store holds it, so invoices go on without re-authorizing and freee sees
 * exactly one refresh.
 */
@ExtendWith(RedisServerExtension.class)
class RotatedTokenOutageTest {

  private static final int ITEMS = 3;

  private final FakeFreee freee = FakeFreee.start();
  private final TcpProxy proxy = TcpProxy.to("127.0.0.1", RedisServerExtension.url().getPort());
  private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
  private BridgeServer bridge;

  @AfterEach
  void stop() {
    if (bridge != null) {
      bridge.close();
    }
    later.shutdownNow();
    proxy.close();
    freee.close();
  }

  @Test
  void refresh_redisCutBetweenFreeesAnswerAndTheWrite_invoicesGoOnWithOneRefresh() {
    // given: an instance reaching Redis through the proxy, and a 3 s cut that starts the moment
    // freee has rotated the tokens, before its answer reaches the bridge
    bridge =
        BridgeServer.start(
            freee,
            freee.issueRefreshToken(),
            Map.of(
                "bridge.redis-url", proxy.in(RedisServerExtension.url()).toString(),
                "bridge.rate-limit-per-minute", "6000",
                "bridge.request-timeout-ms", "10000"));
    freee.afterNextRotation(
        () -> {
          proxy.cut();
          later.schedule(proxy::restore, 3, TimeUnit.SECONDS);
        });
    String batch = TestItems.batch("cut", ITEMS, 101);

    // when: the client follows its protocol, resending until the answer is complete
    JsonNode answer = resendUntilComplete(batch, Duration.ofSeconds(90));

    // then: created once each, one refresh, never a spent token sent, the new token stored
    assertTrue(answer.get("complete").getBooleanValue(), BridgeServer.text(answer));
    for (int i = 0; i < ITEMS; i++) {
      assertEquals(1, freee.invoicesWithMemoContaining(TestInvoices.marker("cut-" + i)));
    }
    assertEquals(1, freee.refreshCount(), "refreshes that reached freee");
    assertEquals(0, freee.invalidGrantCount(), "spent refresh tokens sent to freee");
    String stored = bridge.context().getBean(TokenStore.class).read().orElseThrow().refreshToken();
    assertTrue(freee.refreshTokenUnspent(stored), "the store holds the rotated refresh token");
  }

  private JsonNode resendUntilComplete(String batch, Duration patience) {
    Instant giveUp = Instant.now().plus(patience);
    JsonNode answer = json(bridge.postBatch(batch));
    while (!answer.get("complete").getBooleanValue() && Instant.now().isBefore(giveUp)) {
      Waits.pause(Duration.ofMillis(250));
      answer = json(bridge.postBatch(batch));
    }
    return answer;
  }
}
