package io.invoicebridge.conformance;

import static io.invoicebridge.conformance.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoicebridge.testing.CallbackReceiver;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The asynchronous batch API (202, {@code Location}, idempotent submit, progress, signed callback),
 * in dry run so the in-process worker needs no freee. Each case uses keys of its own.
 */
public abstract class AsyncConformanceCases extends ConformanceTarget {

  private static final String BATCHES = "/v1/batches";
  private static final String CALLBACK_SECRET = "conformance-callback-secret-0123456789";

  private CallbackReceiver receiver;

  @Override
  protected Map<String, String> settings() {
    receiver = closedAfterAll(CallbackReceiver.start());
    Map<String, String> settings = commonSettings();
    settings.put("bridge.freee-dry-run", "true");
    settings.put("bridge.batches.callback-secret", CALLBACK_SECRET);
    // the receiver listens on loopback over plain HTTP; deployments never allow that
    settings.put("bridge.batches.callback-allow-loopback", "true");
    return settings;
  }

  @Test
  void submit_validBatch_answers202WithLocationAndCompletes() {
    HttpAnswer accepted =
        send(HttpCall.post(BATCHES, json(authorized()), Invoices.batchOf("2026-09/async", 2)));

    assertEquals(202, accepted.status(), accepted::text);
    String location = accepted.header("Location").orElse("");
    assertTrue(location.startsWith(BATCHES + "/"), accepted::toString);
    assertEquals(location, accepted.json().path("location").asText(), accepted::text);
    JsonNode done = pollUntilComplete(location);
    assertAll(
        () -> assertTrue(done.path("complete").asBoolean(), done::toString),
        () -> assertTrue(done.path("dry_run").asBoolean(), done::toString),
        () -> assertEquals(2, done.path("summary").path("dry_run").asInt(), done::toString),
        () -> assertEquals("2026-09/async/1", done.path("results").path(0).path("key").asText()),
        () -> assertEquals("dry_run", done.path("results").path(1).path("status").asText()));
  }

  @Test
  void submit_sameIdempotencyKeyTwice_answersTheSameBatch() {
    String batch = Invoices.batchOf("2026-09/async-key", 1);
    Map<String, String> headers = json(authorized("Idempotency-Key", "2026-09/async-batch"));

    HttpAnswer first = send(HttpCall.post(BATCHES, headers, batch));
    HttpAnswer second = send(HttpCall.post(BATCHES, headers, batch));

    assertEquals(202, second.status(), second::text);
    assertEquals(first.header("Location"), second.header("Location"));
    assertTrue(second.json().path("resubmitted").asBoolean(), second::text);
  }

  @Test
  void progress_ofSubmittedBatch_showsAStatusAndEveryItem() {
    HttpAnswer accepted =
        send(HttpCall.post(BATCHES, json(authorized()), Invoices.batchOf("2026-09/progress", 3)));

    HttpAnswer progress = send(HttpCall.get(accepted.header("Location").orElse(""), authorized()));

    assertEquals(200, progress.status(), progress::text);
    String status = progress.json().path("status").asText();
    assertTrue(List.of("queued", "running", "complete").contains(status), progress::text);
    assertEquals(3, progress.json().path("results").size(), progress::text);
  }

  @Test
  void submit_invalidItem_answers422Problem() {
    String batch = Invoices.batchOf("2026-09/async-bad", 1).replace("2026-09-30", "30/09/2026");

    HttpAnswer refused = send(HttpCall.post(BATCHES, json(authorized()), batch));

    assertProblem(refused, 422, "validation");
  }

  @Test
  void submit_callbackToMetadataAddress_answers422Problem() {
    String batch =
        Invoices.batchOf("2026-09/async-ssrf", 1)
            .replaceFirst("\\{", "{\"callback_url\":\"https://169.254.169.254/latest/\",");

    HttpAnswer refused = send(HttpCall.post(BATCHES, json(authorized()), batch));

    assertProblem(refused, 422, "validation");
    assertTrue(refused.text().contains("/callback_url"), refused::text);
  }

  @Test
  void show_unknownBatch_answers404Problem() {
    String unknown = BATCHES + "/00000000-0000-4000-8000-000000000000";

    assertProblem(send(HttpCall.get(unknown, authorized())), 404, "not-found");
  }

  @Test
  void show_malformedBatchId_answers400NamingTheIdBeforeAskingTheStore() {
    String known =
        send(HttpCall.post(BATCHES, json(authorized()), Invoices.batchOf("2026-09/async-id", 1)))
            .json()
            .path("id")
            .asText();

    for (String id : List.of(known + ":items", known + ":results", "no-such-batch", "%2A")) {
      HttpAnswer refused = send(HttpCall.get(BATCHES + "/" + id, authorized()));

      assertEquals(
          "id", assertProblem(refused, 400, "invalid-parameter").path("parameter").asText());
    }
  }

  @Test
  void finishedBatch_sendsItsResultToTheCallbackSigned() {
    String batch =
        Invoices.batchOf("2026-09/async-hook", 1)
            .replaceFirst("\\{", "{\"callback_url\":\"" + receiver.url() + "\",");

    HttpAnswer accepted = send(HttpCall.post(BATCHES, json(authorized()), batch));
    String id = accepted.json().path("id").asText();

    await(() -> receiver.received().stream().anyMatch(r -> new String(r.body()).contains(id)));
    CallbackReceiver.Received callback =
        receiver.received().stream()
            .filter(r -> new String(r.body()).contains(id))
            .findFirst()
            .orElseThrow();
    assertTrue(
        CallbackSignatures.verify(CALLBACK_SECRET, callback.signature(), callback.body()),
        callback::signature);
  }

  private JsonNode pollUntilComplete(String location) {
    JsonNode[] last = new JsonNode[1];
    await(
        () -> {
          last[0] = send(HttpCall.get(location, authorized())).json();
          return "complete".equals(last[0].path("status").asText());
        });
    return last[0];
  }

  /** Polls until {@code condition} holds (at most ~60 s, then fails). */
  private static void await(BooleanSupplier condition) {
    for (int i = 0; i < 600 && !condition.getAsBoolean(); i++) {
      try {
        Thread.sleep(Duration.ofMillis(100));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    assertTrue(condition.getAsBoolean(), "condition never held");
  }
}
