package io.invoicebridge.multi;

import static io.invoicebridge.multi.Instances.postEach;
import static io.invoicebridge.multi.Instances.postToAll;
import static io.invoicebridge.multi.Instances.readinessStatus;
import static io.invoicebridge.multi.Instances.resendUntilComplete;
import static io.invoicebridge.multi.Instances.result;
import static io.invoicebridge.multi.Instances.statuses;
import static io.invoicebridge.testing.BridgeServer.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.invoice.InvoiceCreation;
import io.invoicebridge.ledger.Ledger;
import io.invoicebridge.testing.BridgeServer;
import io.invoicebridge.testing.FakeFreee;
import io.invoicebridge.testing.LogCapture;
import io.invoicebridge.testing.RedisServerExtension;
import io.invoicebridge.testing.TestItems;
import io.invoicebridge.testing.Waits;
import io.micronaut.json.tree.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two or three bridge instances, each its own application context with its own in-process caches,
 * share one real Redis and one fake freee, as a scaled-out deployment shares Upstash and freee.
 * Everything goes through real HTTP.
 */
class MultiInstanceTest extends AbstractInstancesTest {

  private static final Set<String> SAFE_CONCURRENT_STATUSES =
      Set.of("created", "replayed", "in_progress");

  /** Short enough that a claim left behind expires within a test (the default is 30 s). */
  private static final Map<String, Object> SHORT_CLAIM_MARGIN =
      Map.of(InvoiceCreation.CLAIM_MARGIN_PROPERTY, "1s");

  /** A test may have stopped the shared Redis; the next one finds it running. */
  @AfterEach
  void restartRedis() {
    RedisServerExtension.start();
  }

  @Test
  void sameBatchOnThreeInstances_createsEachInvoiceOnce() {
    // given
    List<BridgeServer> three = instances.start(3, freee.issueRefreshToken(), Map.of());
    freee.latency(Duration.ofMillis(50));
    String batch = TestItems.batch("same", 12, 101);

    // when
    List<JsonNode> answers = postToAll(three, batch);

    // then
    assertEquals(12, freee.invoiceCount());
    for (int i = 0; i < 12; i++) {
      String key = "same-" + i;
      assertEquals(1, freee.invoicesWithMemoContaining("[invoice-bridge:" + key + "]"), key);
      long creators = answers.stream().filter(a -> statuses(a).get(key).equals("created")).count();
      assertEquals(1, creators, "instances reporting " + key + " created");
    }
    for (JsonNode answer : answers) {
      statuses(answer)
          .forEach(
              (key, status) ->
                  assertTrue(SAFE_CONCURRENT_STATUSES.contains(status), key + ": " + status));
    }
    JsonNode resend = json(three.get(2).postBatch(batch));
    assertTrue(resend.get("complete").getBooleanValue());
    assertEquals(12, resend.get("summary").get("replayed").getIntValue());
    assertEquals(12, freee.invoiceCount());
  }

  @Test
  void threeColdInstancesNeedingATokenAtOnce_refreshOnceWithoutInvalidGrant() {
    // given: one deployment, three fresh instances, an empty token store
    List<BridgeServer> three = instances.start(3, freee.issueRefreshToken(), Map.of());

    // when: each needs a token at the same moment
    List<JsonNode> answers = postEach(three, "cold", 2);

    // then: freee accepts only the access token that one refresh issued
    assertEquals(1, freee.refreshCount());
    assertEquals(0, freee.invalidGrantCount());
    for (JsonNode answer : answers) {
      assertTrue(answer.get("complete").getBooleanValue(), answer.toString());
      assertEquals(2, answer.get("summary").get("created").getIntValue());
    }
    assertEquals(6, freee.invoiceCount());
  }

  @Test
  void threeInstancesWhoseAccessTokenExpired_refreshOnceAndAllUseTheNewToken() {
    // given: three warm instances, each holding the token in its own cache
    List<BridgeServer> three = instances.start(3, freee.issueRefreshToken(), Map.of());
    postEach(
        three,
        List.of(
            TestItems.batch("warm-a", 1, 101),
            TestItems.batch("warm-b", 1, 101),
            TestItems.batch("warm-c", 1, 101)));
    int refreshesBefore = freee.refreshCount();
    freee.expireAccessTokens();

    // when: all three are answered 401 expired_access_token at about the same moment
    List<JsonNode> answers = postEach(three, "expired", 2);

    // then
    assertEquals(refreshesBefore + 1, freee.refreshCount());
    assertEquals(0, freee.invalidGrantCount());
    for (JsonNode answer : answers) {
      assertTrue(answer.get("complete").getBooleanValue(), answer.toString());
      assertEquals(2, answer.get("summary").get("created").getIntValue());
    }
  }

  @Test
  void threeInstancesAtOnce_combinedFreeeCallsNeverExceedTheSharedLimit() {
    // given: freee allows 5 calls per 2 s (150 a minute); each instance paced at 140 a minute,
    // which only holds if the three share one pace (pacing governs start times: ~7% margin)
    freee.rateLimit(5, Duration.ofSeconds(2));
    List<BridgeServer> three =
        instances.start(
            3, freee.issueRefreshToken(), Map.of("bridge.rate-limit-per-minute", "140"));

    // when
    List<JsonNode> answers = postEach(three, "paced", 4);

    // then
    for (JsonNode answer : answers) {
      assertTrue(answer.get("complete").getBooleanValue(), answer.toString());
    }
    assertEquals(12, freee.invoiceCount());
    assertEquals(0, freee.rateLimitedCount());
    assertTrue(
        freee.maxCallsInAnyWindow(Duration.ofSeconds(2)) <= 5, "calls: " + freee.apiCallTimes());
  }

  @Test
  void freee429SeenByOneInstance_pausesTheOthersUntilTheAnnouncedReset() {
    // given: three instances paced far faster than freee allows, so only freee's own signals can
    // hold them back; another app of the same freee company has just spent the limit
    freee.rateLimit(4, Duration.ofSeconds(3));
    String seed = freee.issueRefreshToken();
    BridgeServer a = instances.startOne(seed, Map.of("bridge.request-timeout-ms", "2500"));
    List<BridgeServer> others = instances.start(2, seed, Map.of());
    freee.spendRateLimit(4);

    // when: A is answered 429 (and stops: the reset is after its deadline), then B and C work
    JsonNode first = json(a.postBatch(TestItems.batch("throttled", 1, 101)));
    List<FakeFreee.Refusal> refusals = freee.rateLimitRefusals();
    assertEquals(1, refusals.size(), "A was answered 429: " + first);
    FakeFreee.Refusal refusal = refusals.getFirst();
    Instant othersSent = Instant.now();
    List<JsonNode> answers =
        postEach(
            others, List.of(TestItems.batch("held-b", 2, 102), TestItems.batch("held-c", 2, 103)));

    // then
    assertTrue(othersSent.isBefore(refusal.announcedReset()), "B and C were sent during the pause");
    assertEquals("not_attempted", result(first, "throttled-0").get("status").getStringValue());
    assertEquals(List.of(refusal), freee.rateLimitRefusals(), "only A's call was refused");
    List<Instant> after = freee.apiCallTimes().stream().filter(refusal.at()::isBefore).toList();
    assertEquals(4, after.size(), "calls after the 429: " + after);
    for (Instant call : after) {
      assertFalse(call.isBefore(refusal.announcedReset()), call + " before " + refusal);
    }
    for (JsonNode answer : answers) {
      assertTrue(answer.get("complete").getBooleanValue(), answer.toString());
      assertEquals(2, answer.get("summary").get("created").getIntValue());
    }
    assertEquals(0, freee.invoicesWithMemoContaining("[invoice-bridge:throttled-0]"));
  }

  @Test
  void claimLeftByAnInstanceThatDied_isReconciledByTheInstanceGettingTheResend() {
    // given: A's create lands in freee but the answer comes after A's deadline, so A keeps the
    // key claimed (freee may hold it) and then goes away
    String seed = freee.issueRefreshToken();
    BridgeServer a =
        instances.startOne(
            seed,
            merged(
                SHORT_CLAIM_MARGIN,
                Map.of("bridge.request-timeout-ms", "3000", "bridge.concurrent-freee-calls", "1")));
    BridgeServer b = instances.startOne(seed, SHORT_CLAIM_MARGIN);
    freee.slowAfterNextCreates(1, Duration.ofSeconds(5));
    String batch = TestItems.batch("orphan", 3, 101);
    JsonNode fromA = json(a.postBatch(batch));
    String orphan =
        statuses(fromA).entrySet().stream()
            .filter(e -> e.getValue().equals("failed"))
            .map(Map.Entry::getKey)
            .findFirst()
            .orElseThrow(() -> new AssertionError("A left no uncertain item: " + fromA));
    instances.kill(a);
    assertEquals(1, freee.invoicesWithMemoContaining("[invoice-bridge:" + orphan + "]"));

    // when: the client resends the batch, now to B, until it is complete
    List<JsonNode> seenFromB = new ArrayList<>();
    JsonNode last = resendUntilComplete(b, batch, seenFromB::add);

    // then
    assertTrue(last.get("complete").getBooleanValue(), last.toString());
    assertEquals("replayed", result(last, orphan).get("status").getStringValue());
    for (int i = 0; i < 3; i++) {
      assertEquals(1, freee.invoicesWithMemoContaining("[invoice-bridge:orphan-" + i + "]"));
    }
    assertEquals(3, freee.invoiceCount());
    for (JsonNode answer : seenFromB) {
      statuses(answer)
          .forEach(
              (key, status) ->
                  assertTrue(SAFE_CONCURRENT_STATUSES.contains(status), key + ": " + status));
    }
  }

  @Test
  void redisStoppedMidBatch_failsClosedAndTheResendCompletesWithoutDuplicates() throws Exception {
    // given: A works through a batch, B stands by
    String seed = freee.issueRefreshToken();
    BridgeServer a =
        instances.startOne(
            seed, merged(SHORT_CLAIM_MARGIN, Map.of("bridge.request-timeout-ms", "4000")));
    BridgeServer b = instances.startOne(seed, SHORT_CLAIM_MARGIN);
    freee.latency(Duration.ofMillis(250));
    String batch = TestItems.batch("outage", 10, 101);
    JsonNode answer;
    try (ExecutorService client = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<JsonNode> fromA = client.submit(() -> json(a.postBatch(batch)));

      // when: Redis goes down mid-batch
      awaitCondition(() -> freee.invoiceCount() >= 2);
      RedisServerExtension.stopKeepingData();
      answer = fromA.get();
    }

    // then: nothing unrecordable was created, the rest is failed and resendable, not ready
    assertFalse(answer.get("complete").getBooleanValue());
    int failed = 0;
    for (JsonNode item : answer.get("results").values()) {
      String status = item.get("status").getStringValue();
      assertTrue(Set.of("created", "failed").contains(status), item.toString());
      if (status.equals("failed")) {
        failed++;
        String detail = item.get("detail").getStringValue().toLowerCase(Locale.ROOT);
        assertTrue(detail.contains("ledger") || detail.contains("redis"), detail);
      }
    }
    assertTrue(failed > 0, answer.toString());
    assertEquals(503, readinessStatus(a));
    assertEquals(503, readinessStatus(b));

    // when: Redis is back
    RedisServerExtension.start();

    // then: every invoice in freee is recorded, as created or as a claim a resend reconciles
    Ledger ledger = b.context().getBean(Ledger.class);
    for (int i = 0; i < 10; i++) {
      String key = "outage-" + i;
      long inFreee = freee.invoicesWithMemoContaining("[invoice-bridge:" + key + "]");
      assertTrue(inFreee <= 1, key);
      if (inFreee == 1) {
        assertTrue(ledger.find(key).isPresent(), key + " is in freee but not in the ledger");
      }
    }
    awaitCondition(() -> readinessStatus(a) == 200);

    // when: the client resends, to B
    JsonNode last = resendUntilComplete(b, batch, seen -> {});

    // then
    assertTrue(last.get("complete").getBooleanValue(), last.toString());
    for (int i = 0; i < 10; i++) {
      assertEquals(1, freee.invoicesWithMemoContaining("[invoice-bridge:outage-" + i + "]"));
    }
    assertEquals(10, freee.invoiceCount());
  }

  @Test
  void newRefreshTokenDeployedToTwoInstancesAtOnce_isAdoptedOnceByOne() {
    // given: the old deployment ran and left its rotated token in the store
    BridgeServer old = instances.startOne(freee.issueRefreshToken(), Map.of());
    json(old.postBatch(TestItems.batch("before", 1, 101)));
    instances.kill(old);
    String reauthorized = freee.issueRefreshToken();
    int refreshesBefore = freee.refreshCount();

    try (LogCapture logs = new LogCapture()) {
      // when: the operator deploys the new FREEE_REFRESH_TOKEN; two instances start with it and
      // work at once
      List<BridgeServer> two = instances.start(2, reauthorized, Map.of());
      List<JsonNode> answers =
          postEach(
              two, List.of(TestItems.batch("after-a", 2, 102), TestItems.batch("after-b", 2, 103)));

      // then
      long adoptions =
          logs.events().stream()
              .filter(e -> e.getFormattedMessage().startsWith("adopted a new FREEE_REFRESH_TOKEN"))
              .count();
      assertEquals(1, adoptions);
      assertEquals(refreshesBefore + 1, freee.refreshCount());
      assertFalse(freee.refreshTokenUnspent(reauthorized), "the one refresh used the new token");
      assertEquals(0, freee.invalidGrantCount());
      for (JsonNode answer : answers) {
        assertTrue(answer.get("complete").getBooleanValue(), answer.toString());
      }
    }
  }

  private static Map<String, Object> merged(Map<String, Object> first, Map<String, Object> second) {
    Map<String, Object> merged = new HashMap<>(first);
    merged.putAll(second);
    return merged;
  }

  /** Polls until {@code condition} holds (at most ~20 s, then fails). */
  private static void awaitCondition(BooleanSupplier condition) {
    Waits.until(condition, Duration.ofSeconds(20), Duration.ofMillis(10));
  }
}
