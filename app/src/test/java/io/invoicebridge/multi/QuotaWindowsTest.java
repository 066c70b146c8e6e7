package io.invoicebridge.multi;

import static io.invoicebridge.multi.Instances.postEach;
import static io.invoicebridge.multi.Instances.result;
import static io.invoicebridge.testing.BridgeServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.invoice.InvoiceCreation;
import io.invoicebridge.quota.Quota;
import io.invoicebridge.testing.BridgeServer;
import io.invoicebridge.testing.FakeFreee;
import io.invoicebridge.testing.TestItems;
import io.invoicebridge.testing.Waits;
import io.micronaut.json.tree.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * freee's hour and day windows and its 403 block, across instances sharing one Redis, with the
 * windows shortened in the fake and in the bridge alike (the same code path as an hour of 3600 s).
 * Assertions count calls and compare instants freee announced; none measures elapsed time.
 */
class QuotaWindowsTest extends AbstractInstancesTest {

  /** The bridge's hour is 3600 s / 180 = 20 s, its day 480 s; freee's windows match. */
  private static final int SCALE = 180;

  private static final Duration HOUR = Duration.ofHours(1).dividedBy(SCALE);

  @Test
  void hourReportedSpent_noInstanceCallsUntilItsReset_andRetryAfterIsTheReset() {
    // given: three instances; another app of the company spends freee's hour
    freee.hourLimit(1000, HOUR);
    // one call at a time per instance, so no second call is already on its way when the 429 comes
    Map<String, Object> settings = new HashMap<>(scaled(1000, 3000));
    settings.put("bridge.concurrent-freee-calls", "1");
    List<BridgeServer> three = instances.start(3, freee.issueRefreshToken(), settings);
    awaitRoomInTheHour();
    freee.spendHour();

    // when: A is answered 429 (the hour, not the minute), then B and C send their batches
    Instant sent = Instant.now();
    HttpResponse<String> fromA = three.get(0).postBatch(TestItems.batch("hour-a", 2, 101));
    Instant received = Instant.now();
    FakeFreee.Refusal refusal = freee.rateLimitRefusals().getFirst();
    List<JsonNode> others =
        postEach(
            three.subList(1, 3),
            List.of(TestItems.batch("hour-b", 2, 102), TestItems.batch("hour-c", 2, 103)));

    // then: one call was refused, none was made until the hour's reset
    assertEquals(1, freee.rateLimitRefusals().size(), "only A's first call met the spent hour");
    for (Instant call : freee.apiCallTimes()) {
      assertFalse(
          call.isAfter(refusal.at()) && call.isBefore(refusal.announcedReset()),
          call + " was sent while the hour was spent, until " + refusal.announcedReset());
    }
    // Retry-After is whole seconds counted from when the item was held back, inside the request
    long retryAfter = Long.parseLong(fromA.headers().firstValue("Retry-After").orElseThrow());
    assertFalse(received.plusSeconds(retryAfter).isBefore(refusal.announcedReset()));
    assertTrue(sent.plusSeconds(retryAfter - 1).isBefore(refusal.announcedReset()));
    JsonNode knownWait = result(json(fromA), "hour-a-0");
    assertEquals(
        retryAfter, knownWait.get("retry_after").getLongValue(), "the item carries it too");
    String detail = knownWait.get("detail").getStringValue();
    assertTrue(detail.startsWith("freee's hourly limit of 1000 is spent; it resets at "), detail);
    for (JsonNode answer : others) {
      assertEquals(2, answer.get("summary").get("not_attempted").getIntValue(), answer.toString());
      assertTrue(
          result(answer, answer.get("results").get(0).get("key").getStringValue())
              .get("detail")
              .getStringValue()
              .contains("hourly limit"));
    }
  }

  @Test
  void excessiveAccessBlock_atMostOneCallAfterTheFirst403AcrossAllInstances() {
    // given: three instances each sending a batch, calls paced a few hundred ms apart in total;
    // freee's block begins at the fourth call and names no end (freee's lasts about ten minutes)
    List<BridgeServer> three =
        instances.start(
            3,
            freee.issueRefreshToken(),
            Map.of("bridge.rate-limit-per-minute", "200", "bridge.request-timeout-ms", "10000"));
    freee.blockExcessiveAccessAfter(3, Duration.ofMinutes(5));

    // when
    List<JsonNode> answers = postEach(three, "block", 4);

    // then: the call answered 403 and at most one more already on its way; nothing rejected
    assertTrue(freee.blockedCalls().size() <= 2, "calls into the block: " + freee.blockedCalls());
    for (JsonNode answer : answers) {
      assertEquals(0, answer.get("summary").get("rejected").getIntValue(), answer.toString());
      assertFalse(answer.get("complete").getBooleanValue());
    }
    assertEquals(3, freee.invoiceCount());
  }

  @Test
  void excessiveAccessBlock_batchRetryAfterIsTheBlocksEnd() {
    // given
    BridgeServer bridge =
        instances.startOne(
            freee.issueRefreshToken(),
            Map.of("bridge.request-timeout-ms", "5000", "bridge.concurrent-freee-calls", "1"));
    freee.blockExcessiveAccessAfter(0, Duration.ofMinutes(5));

    // when
    HttpResponse<String> answer = bridge.postBatch(TestItems.batch("blocked", 3, 101));

    // then: the ten minutes freee's block lasts, not the five seconds of a store failure
    long retryAfter = Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow());
    assertTrue(retryAfter > 9 * 60 && retryAfter <= 10 * 60, "Retry-After: " + retryAfter);
    assertEquals(1, freee.blockedCalls().size());
  }

  @Test
  void longRun_pacedWithinTheHourAndTheDay_noCallRefused() {
    // given: freee's hour of 12 calls and day of 288 (scaled: 5 s and 120 s), the bridge set alike,
    // three instances; 18 invoices need one and a half hours
    int scale = 720;
    freee
        .hourLimit(12, Duration.ofHours(1).dividedBy(scale))
        .dayLimit(288, Duration.ofDays(1).dividedBy(scale));
    Map<String, Object> settings = new HashMap<>(scaled(12, 288));
    settings.put(Quota.SCALE_PROPERTY, Integer.toString(scale));
    settings.put("bridge.request-timeout-ms", "8000");
    List<BridgeServer> three = instances.start(3, freee.issueRefreshToken(), settings);

    // when: each resends its batch until complete
    List<JsonNode> answers =
        Instances.atOnce(
            List.of(
                () ->
                    Instances.resendUntilComplete(
                        three.get(0), TestItems.batch("run-a", 6, 101), a -> {}),
                () ->
                    Instances.resendUntilComplete(
                        three.get(1), TestItems.batch("run-b", 6, 102), a -> {}),
                () ->
                    Instances.resendUntilComplete(
                        three.get(2), TestItems.batch("run-c", 6, 103), a -> {})));

    // then
    for (JsonNode answer : answers) {
      assertTrue(answer.get("complete").getBooleanValue(), answer.toString());
    }
    assertEquals(18, freee.invoiceCount());
    assertEquals(0, freee.rateLimitedCount(), "refused: " + freee.rateLimitRefusals());
  }

  @Test
  void hourNearlySpent_uncertainItemIsStillReconciledWhileNewCreatesWait() {
    // given: a create whose answer was lost (freee holds it, the bridge cannot know), then other
    // apps of the company leave one call of the hour, which the next answer reports
    freee.hourLimit(50, HOUR);
    Map<String, Object> settings = new HashMap<>(scaled(50, 100_000));
    settings.put("bridge.concurrent-freee-calls", "1");
    settings.put("bridge.retry-max-attempts", "1");
    settings.put(InvoiceCreation.CLAIM_MARGIN_PROPERTY, "1s");
    BridgeServer bridge = instances.startOne(freee.issueRefreshToken(), settings);
    awaitRoomInTheHour();
    freee.dropAfterNextCreates(1);
    JsonNode lost = json(bridge.postBatch(TestItems.batch("uncertain", 1, 101)));
    assertEquals("failed", result(lost, "uncertain-0").get("status").getStringValue());
    freee.spendRateLimit(47);
    json(bridge.postBatch(TestItems.batch("reported", 1, 102)));
    // the lost create's claim outlives its request (3 s) by the claim margin (1 s)
    Waits.pause(Duration.ofSeconds(4));

    // when: the uncertain item is resent with a new one
    String batch =
        TestItems.batchOf(
            TestItems.json("uncertain-0", 101, "10000"), TestItems.json("new-0", 103, "10000"));
    JsonNode answer = json(bridge.postBatch(batch));

    // then: the look-up found the invoice in the reserve; the create waits for the hour
    String reconciled = result(answer, "uncertain-0").get("status").getStringValue();
    assertTrue(Set.of("replayed", "created").contains(reconciled), answer.toString());
    assertEquals(1, freee.invoicesWithMemoContaining("[invoice-bridge:uncertain-0]"));
    JsonNode held = result(answer, "new-0");
    assertEquals("not_attempted", held.get("status").getStringValue());
    assertTrue(held.get("detail").getStringValue().contains("hourly limit"), held.toString());
    assertEquals(0, freee.rateLimitedCount());
  }

  /** Shared through Redis, with the bridge's windows as short as the fake's. */
  private static Map<String, Object> scaled(int perHour, int perDay) {
    return Map.of(
        Quota.SCALE_PROPERTY,
        Integer.toString(SCALE),
        "bridge.rate-limit-per-hour",
        Integer.toString(perHour),
        "bridge.rate-limit-per-day",
        Integer.toString(perDay),
        "bridge.request-timeout-ms",
        "3000");
  }

  /** Waits, if need be, for a fresh hour, so the hour cannot roll over in the middle of a test. */
  private static void awaitRoomInTheHour() {
    long hourMs = HOUR.toMillis();
    long intoHour = Math.floorMod(Instant.now().toEpochMilli(), hourMs);
    if (hourMs - intoHour < hourMs / 2) {
      Waits.pause(Duration.ofMillis(hourMs - intoHour + 50));
    }
  }
}
