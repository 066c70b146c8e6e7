package io.invoicebridge.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.invoicebridge.testing.BridgeServer;
import io.invoicebridge.testing.FakeFreee;
import io.invoicebridge.testing.TestQueueUrls;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * A push queue's deliveries ({@code /v1/batches/work} with {@code BATCH_QUEUE=cloud-tasks}) are
 * authenticated by the queue's own token through {@link PushDeliveryVerifier}, never by the run
 * token, which the queue must not carry; every other {@code /v1} path keeps the run token.
 */
class PushDeliveryAuthenticationTest {

  private static final String WORK = "/v1/batches/work";
  private static final String UNKNOWN_BATCH = "/v1/batches/00000000-0000-4000-8000-000000000000";
  private static final String MESSAGE = "{\"batch_id\":\"gone\",\"index\":0,\"attempts\":0}";

  private final FakeFreee freee = FakeFreee.start();

  @AutoClose
  private final BridgeServer bridge =
      BridgeServer.withFreee(
          freee,
          TestQueueUrls.with(
              Map.of(
                  "spec.name", QueueSignedDeliveries.SPEC, "bridge.batches.queue", "cloud-tasks")));

  @Test
  void work_withTheQueuesToken_isHandled() {
    // when
    HttpResponse<String> delivered = deliver(QueueSignedDeliveries.SIGNED);

    // then: an item whose batch is gone is settled (dropped)
    assertEquals(204, delivered.statusCode(), delivered.body());
  }

  @Test
  void work_withTheRunToken_isRefusedWithoutEchoingIt() {
    // when
    HttpResponse<String> refused = deliver(BridgeServer.RUN_TOKEN);

    // then
    assertEquals(401, refused.statusCode(), refused.body());
    assertEquals(
        "application/problem+json", refused.headers().firstValue("Content-Type").orElseThrow());
    assertFalse(refused.body().contains(BridgeServer.RUN_TOKEN), refused.body());
  }

  @Test
  void work_withAForeignOrNoToken_isRefused() {
    // when
    HttpResponse<String> foreign = deliver("forged-token-value");
    HttpResponse<String> missing =
        bridge.send(
            HttpRequest.newBuilder(bridge.uri(WORK))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(MESSAGE)));

    // then
    assertEquals(401, foreign.statusCode(), foreign.body());
    assertFalse(foreign.body().contains("forged-token-value"), foreign.body());
    assertEquals(401, missing.statusCode(), missing.body());
  }

  @Test
  void work_whenTheQueuesKeysCannotBeRead_answers503SoTheQueueRetries() {
    // when
    HttpResponse<String> unverifiable = deliver(QueueSignedDeliveries.UNVERIFIABLE);

    // then
    assertEquals(503, unverifiable.statusCode(), unverifiable.body());
    assertFalse(unverifiable.body().contains(QueueSignedDeliveries.UNVERIFIABLE));
  }

  @Test
  void otherV1Paths_stillTakeTheRunTokenAndNotTheQueuesToken() {
    // when
    HttpResponse<String> operator = bridge.send(bridge.request(UNKNOWN_BATCH).GET());
    HttpResponse<String> queue =
        bridge.send(
            HttpRequest.newBuilder(bridge.uri(UNKNOWN_BATCH))
                .header("Authorization", "Bearer " + QueueSignedDeliveries.SIGNED)
                .GET());

    // then
    assertEquals(404, operator.statusCode(), operator.body());
    assertEquals(401, queue.statusCode(), queue.body());
  }

  @Test
  void work_withATrailingSlash_isGuardedTheSame() {
    // when: the router serves /v1/batches/work/ too, so the run token must not open it either
    HttpResponse<String> refused =
        bridge.send(bridge.request(WORK + "/").POST(HttpRequest.BodyPublishers.ofString(MESSAGE)));

    // then
    assertEquals(401, refused.statusCode(), refused.body());
  }

  private HttpResponse<String> deliver(String token) {
    return bridge.send(
        HttpRequest.newBuilder(bridge.uri(WORK))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(MESSAGE)));
  }
}
