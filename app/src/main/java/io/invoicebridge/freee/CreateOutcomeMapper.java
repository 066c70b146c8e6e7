package io.invoicebridge.freee;

import io.invoicebridge.freee.CreateOutcome.Created;
import io.invoicebridge.freee.CreateOutcome.Failed;
import io.invoicebridge.freee.CreateOutcome.Rejected;
import io.invoicebridge.freee.CreateOutcome.Throttled;
import io.invoicebridge.freee.answer.FreeeAnswer;
import io.invoicebridge.freee.answer.FreeeCodes;
import io.invoicebridge.freee.answer.FreeeErrorBody;
import io.invoicebridge.freee.answer.FreeeExchange;
import io.invoicebridge.freee.answer.FreeeReading;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Clock;
import java.util.List;

/**
 * Maps how a {@code POST /iv/invoices} ended to a {@link CreateOutcome} (the error mapping in
 * ARCHITECTURE.md), from the answer's {@link FreeeReading}. Throttling answers were already turned
 * into a pause inside the call gate; here they only become the item's outcome.
 */
@Singleton
class CreateOutcomeMapper {

  private final JsonMapper json;
  private final Clock clock;

  CreateOutcomeMapper(JsonMapper json, Clock clock) {
    this.json = json;
    this.clock = clock;
  }

  CreateOutcome map(FreeeExchange exchange) {
    return switch (exchange) {
      case FreeeExchange.Unreached unreached -> new Failed(unreached.reason(), false, null);
      case FreeeExchange.Lost lost -> new Failed(lost.reason(), true, null);
      case FreeeExchange.Answered answered -> map(answered.answer(), answered.reading());
    };
  }

  private CreateOutcome map(FreeeAnswer answer, FreeeReading reading) {
    int status = answer.status();
    String requestId = answer.requestId();
    FreeeErrorBody error = reading.error();
    return switch (reading.kind()) {
      case SUCCESS -> created(answer);
      case EXPIRED_ACCESS_TOKEN, UNAUTHORIZED -> new Failed(unauthorized(error), false, requestId);
      case PERMISSION_DENIED, REFUSED -> new Rejected(status, messages(status, error), requestId);
      case RATE_LIMITED, EXCESSIVE_ACCESS ->
          new Throttled(reading.quotaWait().orElseThrow(), requestId);
      case SERVER_ERROR -> new Failed("freee answered " + status, true, requestId);
    };
  }

  private CreateOutcome created(FreeeAnswer answer) {
    try {
      JsonNode root = json.readValue(answer.body(), JsonNode.class);
      return new Created(
          FreeeInvoiceJson.toCreated(root.get("invoice"), clock.instant()), answer.requestId());
    } catch (IOException | RuntimeException e) {
      return new Failed(
          "freee answered " + answer.status() + " but its invoice could not be read",
          true,
          answer.requestId());
    }
  }

  private static String unauthorized(FreeeErrorBody error) {
    if (error.hasCode(FreeeCodes.EXPIRED_ACCESS_TOKEN)) {
      return "freee rejected the access token again right after a refresh (401)";
    }
    String code = error.code() == null ? "no code" : error.code();
    return "freee refused the credentials (401, " + code + "); check the app's authorization";
  }

  private static List<String> messages(int status, FreeeErrorBody error) {
    if (!error.messages().isEmpty()) {
      return error.messages();
    }
    return List.of(error.code() != null ? error.code() : "freee answered " + status);
  }
}
