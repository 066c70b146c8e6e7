package io.invoicebridge.multi;

import static io.invoicebridge.multi.Instances.await;
import static io.invoicebridge.multi.Instances.result;
import static io.invoicebridge.multi.Instances.submit;
import static io.invoicebridge.testing.BridgeServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.quota.Quota;
import io.invoicebridge.testing.BridgeServer;
import io.invoicebridge.testing.FakeFreee;
import io.invoicebridge.testing.TestItems;
import io.invoicebridge.testing.Waits;
import io.invoicebridge.testing.WindowPhase;
import io.micronaut.json.tree.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Month-end at freee's full speed: with the limits every stack deploys (30 a minute, 1,500 an hour,
 * 3,000 a day, Redis) against a freee that reports all three windows, only the minute paces calls;
 * the hour and the day are budgets spent as fast as the minute allows, at any time of day; queued
 * work leaves the interactive share to a person's invoice.
 */
class MonthEndPaceTest extends AbstractInstancesTest {

  /** How many times faster than real time freee's hour passes in the hour-cap tests. */
  private static final int HOUR_SCALE = 120;

  /** freee's hour in those tests: 30 s. */
  private static final Duration SHORT_HOUR = Duration.ofHours(1).dividedBy(HOUR_SCALE);

  MonthEndPaceTest() {
    super(FakeFreee.start());
  }

  @ParameterizedTest
  @ValueSource(strings = {"00:00:05", "12:00:00", "23:59:55"})
  void batchAtTheDeployedDefaults_isCreatedAtTheMinutesPaceAtAnyTimeOfDay(String timeOfDay) {
    // given: freee's real windows placed at that time of day, the bridge set as the stacks deploy;
    // five creates at the minute's pace take about 8 s, inside a 15 s request
    Duration phase = WindowPhase.placing(Instant.now(), LocalTime.parse(timeOfDay), 1);
    freee
        .rateLimit(30, Duration.ofMinutes(1))
        .hourLimit(1500, Duration.ofHours(1))
        .dayLimit(3000, Duration.ofDays(1))
        .windowPhase(phase);
    Map<String, Object> deployed = new HashMap<>(deployedDefaults());
    deployed.put(Quota.PHASE_PROPERTY, Long.toString(phase.toMillis()));
    BridgeServer bridge = instances.startOne(freee.issueRefreshToken(), deployed);

    // when
    JsonNode answer = json(bridge.postBatch(TestItems.batch("month-end", 5, 101)));

    // then: one answer holds them all (spreading the day's budget took about 29 s a create)
    assertTrue(answer.get("complete").getBooleanValue(), BridgeServer.text(answer));
    assertEquals(5, answer.get("summary").get("created").getIntValue());
    assertEquals(0, freee.rateLimitedCount(), "refused: " + freee.rateLimitRefusals());
  }

  @Test
  void hourCapOnlyFreeeReports_bridgeStopsAtItUntilTheReset_andRetryAfterIsTheReset() {
    // given: freee's hour (shortened to 30 s) allows 12 calls; the bridge was told 1,500
    freee.rateLimit(10_000, Duration.ofMinutes(1)).hourLimit(12, SHORT_HOUR);
    BridgeServer bridge = instances.startOne(freee.issueRefreshToken(), shortHourSettings());
    awaitEarlyIn(SHORT_HOUR);

    // when: a batch larger than freee's hour
    Instant sent = Instant.now();
    HttpResponse<String> first = bridge.postBatch(TestItems.batch("cap", 15, 101));
    Instant received = Instant.now();

    // then: creates stop one short of freee's cap (the look-ups' reserve), nothing is sent until
    // the hour's reset, and Retry-After names that reset
    JsonNode answer = json(first);
    assertEquals(11, answer.get("summary").get("created").getIntValue(), BridgeServer.text(answer));
    Instant reset = nextStart(sent, SHORT_HOUR);
    List<Instant> calls = freee.apiCallTimes();
    Instant lastBeforeReset = calls.get(10);
    assertFalse(
        calls.stream().anyMatch(t -> t.isAfter(lastBeforeReset) && t.isBefore(reset)),
        "a call was sent before the hour's reset " + reset + ": " + calls);
    long retryAfter = Long.parseLong(first.headers().firstValue("Retry-After").orElseThrow());
    assertFalse(received.plusSeconds(retryAfter).isBefore(reset), "Retry-After before the reset");
    assertTrue(sent.plusSeconds(retryAfter - 1).isBefore(reset), "Retry-After long after it");
    assertTrue(
        result(answer, "cap-14").get("detail").getStringValue().contains("hourly limit of 12"),
        BridgeServer.text(answer));
    assertEquals(0, freee.rateLimitedCount(), "refused: " + freee.rateLimitRefusals());
  }

  @Test
  void asyncBatchOnAnotherInstanceSpentItsShare_personsInvoiceIsStillCreated() {
    // given: freee's hour (shortened to 30 s) of 40 calls, the bridge told alike; a queued batch
    // may bring the count to 40 less the look-ups' reserve (1) less the 10% interactive share (4)
    freee.rateLimit(10_000, Duration.ofMinutes(1)).hourLimit(40, SHORT_HOUR);
    Map<String, Object> settings = shortHourSettings();
    settings.put("bridge.rate-limit-per-hour", "40");
    List<BridgeServer> two = instances.start(2, freee.issueRefreshToken(), settings);
    awaitEarlyIn(SHORT_HOUR);
    Instant reset = nextStart(Instant.now(), SHORT_HOUR);

    // when: the back office's 45 invoices go to one instance, a person's one to the other
    submit(two.get(0), TestItems.batch("back-office", 45, 101));
    await(() -> freee.invoiceCount() >= 35);
    JsonNode personal = json(two.get(1).postBatch(TestItems.batch("person", 1, 102)));
    Instant answered = Instant.now();

    // then: the person's invoice was created within the hour the batch had spent its share of
    assertEquals(
        "created",
        result(personal, "person-0").get("status").getStringValue(),
        BridgeServer.text(personal));
    assertTrue(answered.isBefore(reset), "answered " + answered + ", the hour reset at " + reset);
    assertEquals(35, freee.invoicesWithMemoContaining("[invoice-bridge:back-office-"));
    assertEquals(0, freee.rateLimitedCount(), "refused: " + freee.rateLimitRefusals());
  }

  @Test
  void itemHeldEarlyInARequest_retryAfterCountsFromTheAnswerNotFromTheHold() {
    // given: one call every 3.06 s and a 5 s request: the first two items are created at 0 s and
    // 3.06 s; the third is held back at once (its slot, 6.12 s, is past the deadline) and the
    // answer is written only after the second is created
    freee.rateLimit(10_000, Duration.ofMinutes(1));
    Map<String, Object> settings = new HashMap<>();
    settings.put("bridge.rate-limit-per-minute", "20");
    settings.put("bridge.request-timeout-ms", "5000");
    BridgeServer bridge = instances.startOne(freee.issueRefreshToken(), settings);
    // a first invoice warms the instance (its token, its code), then its paced slot passes
    json(bridge.postBatch(TestItems.batch("warm", 1, 101)));
    Waits.pause(Duration.ofMillis(3100));

    // when
    HttpResponse<String> answer = bridge.postBatch(TestItems.batch("held-early", 3, 101));
    Instant received = Instant.now();

    // then: the client is told to come back when the third item's slot is due, not 3 s after it
    assertEquals(2, json(answer).get("summary").get("created").getIntValue(), answer.body());
    Instant thirdSlot = freee.apiCallTimes().get(1).plusMillis(2 * 3061);
    long retryAfter = Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow());
    assertFalse(received.plusSeconds(retryAfter).isBefore(thirdSlot), "before the slot");
    assertTrue(
        received.plusSeconds(retryAfter - 1).isBefore(thirdSlot),
        "Retry-After " + retryAfter + " s from " + received + " for a slot at " + thirdSlot);
  }

  /** What every stack deploys: freee's three limits, Redis, the default interactive share. */
  private static Map<String, Object> deployedDefaults() {
    return Map.of(
        "bridge.rate-limit-per-minute", "30",
        "bridge.rate-limit-per-hour", "1500",
        "bridge.rate-limit-per-day", "3000",
        "bridge.request-timeout-ms", "15000");
  }

  /** The deployed settings told that freee's hour is {@link #SHORT_HOUR}, the minute unpaced. */
  private static Map<String, Object> shortHourSettings() {
    Map<String, Object> settings = new HashMap<>(deployedDefaults());
    settings.put("bridge.rate-limit-per-minute", "6000");
    settings.put(Quota.SCALE_PROPERTY, Integer.toString(HOUR_SCALE));
    return settings;
  }

  /** Waits, if need be, for a fresh period, so it cannot roll over in the middle of a test. */
  private static void awaitEarlyIn(Duration period) {
    long periodMs = period.toMillis();
    long into = Math.floorMod(Instant.now().toEpochMilli(), periodMs);
    if (into > periodMs / 4) {
      Waits.pause(Duration.ofMillis(periodMs - into + 50));
    }
  }

  private static Instant nextStart(Instant at, Duration period) {
    long ms = at.toEpochMilli();
    return Instant.ofEpochMilli(ms - Math.floorMod(ms, period.toMillis()) + period.toMillis());
  }
}
