package io.invoicebridge.conformance;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoicebridge.testing.FakeFreee;
import io.invoicebridge.testing.FreeeTestApp;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The cases that create invoices, against the fake freee: creation, replay, lookup, the single-item
 * endpoint and an incomplete batch. Each case uses keys of its own.
 */
public abstract class FreeeConformanceCases extends ConformanceTarget {

  private static final String BATCH = "/v1/invoices/batch";

  private FakeFreee freee;

  @Override
  protected Map<String, String> settings() {
    freee = closedAfterAll(FakeFreee.start());
    Map<String, String> settings = new LinkedHashMap<>();
    FreeeTestApp.properties(freee, freee.issueRefreshToken())
        .forEach((name, value) -> settings.put(name, value.toString()));
    settings.putAll(commonSettings());
    // the fake's own 30/min limit paces these few calls; the bridge's pacing would only slow them
    settings.put("bridge.rate-limit-per-minute", "6000");
    // one attempt: a failed create is reported at once instead of after backoff sleeps
    settings.put("bridge.retry-max-attempts", "1");
    return settings;
  }

  @Test
  void batch_new_createsEachItemOnceInFreee() {
    HttpAnswer answer =
        send(HttpCall.post(BATCH, json(authorized()), Invoices.batchOf("2026-09/new", 2)));

    assertEquals(200, answer.status(), answer::text);
    JsonNode body = answer.json();
    JsonNode first = body.path("results").path(0);
    assertAll(
        () -> assertTrue(body.path("complete").asBoolean(), answer::text),
        () -> assertFalse(body.path("dry_run").asBoolean()),
        () -> assertEquals(2, body.path("summary").path("created").asInt(), answer::text),
        () -> assertEquals("created", first.path("status").asText()),
        () -> assertTrue(first.path("invoice_id").asLong() > 0, answer::text),
        () -> assertFalse(first.path("invoice_number").asText().isBlank(), answer::text),
        () -> assertEquals(1, freee.invoicesWithMemoContaining("2026-09/new/1")),
        () -> assertEquals(1, freee.invoicesWithMemoContaining("2026-09/new/2")),
        () -> assertTrue(answer.header("Retry-After").isEmpty(), "complete: no Retry-After"));
  }

  @Test
  void batch_resent_replaysTheOriginalInvoicesWithoutDuplicates() {
    String batch = Invoices.batchOf("2026-09/again", 1);
    JsonNode created = send(HttpCall.post(BATCH, json(authorized()), batch)).json();

    HttpAnswer resent = send(HttpCall.post(BATCH, json(authorized()), batch));

    assertEquals(200, resent.status(), resent::text);
    JsonNode result = resent.json().path("results").path(0);
    assertEquals("replayed", result.path("status").asText(), resent::text);
    assertEquals(
        created.path("results").path(0).path("invoice_id").asLong(),
        result.path("invoice_id").asLong());
    assertTrue(resent.json().path("complete").asBoolean());
    assertEquals(1, freee.invoicesWithMemoContaining("2026-09/again/1"));
  }

  @Test
  void lookup_ofCreatedKey_answersItsInvoice() {
    JsonNode created =
        send(HttpCall.post(BATCH, json(authorized()), Invoices.batchOf("2026-09/look", 1))).json();

    HttpAnswer answer = send(HttpCall.get("/v1/invoices?key=2026-09%2Flook%2F1", authorized()));

    assertEquals(200, answer.status(), answer::text);
    assertEquals("2026-09/look/1", answer.json().path("key").asText());
    assertEquals("created", answer.json().path("status").asText());
    assertEquals(
        created.path("results").path(0).path("invoice_id").asLong(),
        answer.json().path("invoice_id").asLong());
  }

  @Test
  void single_sentTwice_creates201ThenReplays200() {
    String item = Invoices.item("unused").toString().replace("\"key\":\"unused\",", "");
    Map<String, String> headers = json(authorized("Idempotency-Key", "2026-09/single/1"));

    HttpAnswer created = send(HttpCall.post("/v1/invoices", headers, item));
    HttpAnswer replayed = send(HttpCall.post("/v1/invoices", headers, item));

    assertEquals(201, created.status(), created::text);
    assertEquals(200, replayed.status(), replayed::text);
    assertEquals("true", replayed.header("Idempotent-Replayed").orElse(""));
    assertEquals(
        created.json().path("invoice_id").asLong(), replayed.json().path("invoice_id").asLong());
    assertEquals(1, freee.invoicesWithMemoContaining("2026-09/single/1"));
  }

  @Test
  void batch_whenFreeeFails_answersIncompleteWithRetryAfter() {
    freee.failNextCreates(1);

    HttpAnswer answer =
        send(HttpCall.post(BATCH, json(authorized()), Invoices.batchOf("2026-09/fail", 1)));

    assertEquals(200, answer.status(), answer::text);
    assertFalse(answer.json().path("complete").asBoolean(), answer::text);
    assertEquals(
        "failed", answer.json().path("results").path(0).path("status").asText(), answer::text);
    assertTrue(Integer.parseInt(answer.header("Retry-After").orElse("0")) >= 1, answer::toString);
    assertEquals(0, freee.invoicesWithMemoContaining("2026-09/fail/1"));
  }
}
