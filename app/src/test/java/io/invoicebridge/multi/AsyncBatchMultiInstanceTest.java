package io.invoicebridge.multi;

import static io.invoicebridge.multi.Instances.await;
import static io.invoicebridge.multi.Instances.location;
import static io.invoicebridge.multi.Instances.submit;
import static io.invoicebridge.testing.BridgeServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.config.BridgeConfig;
import io.invoicebridge.invoice.InvoiceCreation;
import io.invoicebridge.queued.CallbackSignature;
import io.invoicebridge.queued.LeasedQueue;
import io.invoicebridge.queued.QueuedBatchMessage;
import io.invoicebridge.redis.RedisKeys;
import io.invoicebridge.testing.BridgeServer;
import io.invoicebridge.testing.CallbackReceiver;
import io.invoicebridge.testing.RedisServerExtension;
import io.invoicebridge.testing.TestItems;
import io.micronaut.json.tree.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * Asynchronous batches on several instances sharing one real Redis (batch store, local queue and
 * ledger) and one fake freee: delivery is at least once, creation exactly once.
 */
class AsyncBatchMultiInstanceTest extends AbstractInstancesTest {

  /** A short deadline and claim margin, so whatever a killed instance held is free again soon. */
  private static final Map<String, Object> SHORT_CLAIMS =
      Map.of(InvoiceCreation.CLAIM_MARGIN_PROPERTY, "1s", "bridge.request-timeout-ms", "3000");

  @AutoClose private final CallbackReceiver receiver = CallbackReceiver.start();

  @Test
  void twoInstancesOneKilledMidway_completesWithEveryInvoiceCreatedOnce() {
    // given: two instances working one 200-item batch, freee answering slowly enough to be
    // caught mid-way
    freee.latency(Duration.ofMillis(20));
    List<BridgeServer> both = instances.start(2, freee.issueRefreshToken(), SHORT_CLAIMS);
    BridgeServer doomed = both.get(0);
    BridgeServer survivor = both.get(1);
    String location = location(submit(doomed, TestItems.batch("kill", 200, 101)));
    await(() -> freee.invoiceCount() >= 40);

    // when: one instance goes away with items leased and claimed
    instances.kill(doomed);

    // then
    JsonNode done = survivor.pollUntilComplete(location);
    JsonNode summary = done.get("summary");
    assertEquals(
        200,
        summary.get("created").getIntValue() + summary.get("replayed").getIntValue(),
        BridgeServer.text(summary));
    for (int i = 0; i < 200; i++) {
      assertEquals(1, freee.invoicesWithMemoContaining("[invoice-bridge:kill-" + i + "]"), "" + i);
    }
    assertEquals(200, freee.invoiceCount());
  }

  @Test
  void everyMessageDeliveredAgain_createsNothingTwice() {
    // given
    List<BridgeServer> both = instances.start(2, freee.issueRefreshToken(), Map.of());
    BridgeServer first = both.get(0);
    HttpResponse<String> accepted = submit(first, TestItems.batch("again", 30, 101));
    String id = json(accepted).get("id").getStringValue();
    List<QueuedBatchMessage> everyMessage =
        IntStream.range(0, 30).mapToObj(i -> new QueuedBatchMessage(id, i, 0)).toList();

    // when: every message is delivered a second time while the batch runs, and a third after
    LeasedQueue queue = first.context().getBean(LeasedQueue.class);
    queue.send(everyMessage);
    JsonNode done = both.get(1).pollUntilComplete(location(accepted));
    queue.send(everyMessage);
    await(() -> queued(first) == 0);

    // then
    assertEquals(30, done.get("summary").get("created").getIntValue(), BridgeServer.text(done));
    assertEquals(30, freee.invoiceCount());
    assertEquals(30, freee.createRequestCount());
    JsonNode after = json(first.send(first.request(location(accepted)).GET()));
    assertEquals(30, after.get("summary").get("created").getIntValue(), BridgeServer.text(after));
  }

  @Test
  void itemsHeldBackByTheRateLimit_comeBackLaterWithoutSpendingAttempts() {
    // given: one attempt per item, and a pace (one call every 3 s) that leaves most items of a
    // 3-second deadline not attempted
    Map<String, Object> settings = new HashMap<>(SHORT_CLAIMS);
    settings.put("bridge.rate-limit-per-minute", "20");
    settings.put("bridge.batches.max-attempts", "1");
    BridgeServer bridge = instances.startOne(freee.issueRefreshToken(), settings);

    // when
    String location = location(submit(bridge, TestItems.batch("paced", 4, 101)));

    // then: every item created, none given up
    JsonNode done = bridge.pollUntilComplete(location);
    assertEquals(4, done.get("summary").get("created").getIntValue(), BridgeServer.text(done));
    assertEquals(4, freee.invoiceCount());
  }

  @Test
  void itemThrottledByFreeeAfterItWasSent_comesBackAtTheResetWithoutSpendingAnAttempt() {
    // given: one attempt per item, and freee's minute spent by another client of the company, so
    // the first create is answered 429 with a reset past the 3-second deadline
    Map<String, Object> settings = new HashMap<>(SHORT_CLAIMS);
    settings.put("bridge.batches.max-attempts", "1");
    BridgeServer bridge = instances.startOne(freee.issueRefreshToken(), settings);
    freee.rateLimit(3, Duration.ofSeconds(8));
    freee.spendRateLimit(3);

    // when
    String location = location(submit(bridge, TestItems.batch("throttled", 3, 101)));

    // then: freee refused a create, and still every item was created, none given up
    JsonNode done = bridge.pollUntilComplete(location);
    assertTrue(freee.rateLimitedCount() >= 1, "freee never answered 429");
    assertEquals(3, done.get("summary").get("created").getIntValue(), BridgeServer.text(done));
    assertEquals(3, freee.invoiceCount());
  }

  @Test
  void callbackHolderStoppedWhileTheReceiverHangs_anotherInstanceDeliversItOnce() {
    // given: one instance sending a batch's callback to a receiver that holds it unanswered
    Map<String, Object> settings = CallbackReceiver.bridgeSettings(SHORT_CLAIMS);
    String refreshToken = freee.issueRefreshToken();
    BridgeServer holder = instances.startOne(refreshToken, settings);
    receiver.answer(CallbackReceiver.HANG);
    String batch =
        TestItems.batch("hook", 2, 101)
            .replaceFirst("\\{", "{\"callback_url\":\"" + receiver.url() + "\",");
    String location = location(submit(holder, batch));
    await(() -> receiver.received().size() == 1);

    // when: that instance stops while another one runs
    BridgeServer other = instances.startOne(refreshToken, settings);
    receiver.answer(200);
    instances.kill(holder);

    // then: the other one delivers it, once
    await(() -> receiver.delivered().size() == 1);
    await(() -> queued(other) == 0);
    assertEquals(1, receiver.delivered().size());
    JsonNode shown = json(other.send(other.request(location).GET()));
    JsonNode callback = shown.get("callback");
    assertEquals("delivered", callback.get("status").getStringValue(), BridgeServer.text(shown));
    assertEquals(2, callback.get("attempts").getIntValue(), BridgeServer.text(shown));
    assertTrue(
        new CallbackSignature(CallbackReceiver.SECRET)
            .verifies(
                receiver.delivered().getFirst().signature(),
                receiver.delivered().getFirst().body()));
  }

  private static long queued(BridgeServer instance) {
    String queue =
        new RedisKeys(instance.context().getBean(BridgeConfig.class).freee().companyNamespace())
            .batchQueue();
    return RedisServerExtension.admin().zcard(queue);
  }
}
