package io.invoicebridge.freee;

import io.invoicebridge.freee.answer.FreeeExchange;
import io.invoicebridge.logging.LogFields;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One log line per freee call with freee's request id, the HTTP status and the duration as MDC
 * fields; never a body or a token. Fields an outer scope had set are restored afterwards.
 */
final class FreeeCallLog {

  /** Not {@link LogFields#STATUS}: that one is the item's status on item events. */
  static final String HTTP_STATUS = "http_status";

  private static final Logger LOG = LoggerFactory.getLogger(FreeeCallLog.class);

  private FreeeCallLog() {}

  static void log(String operation, FreeeExchange exchange) {
    Map<String, String> fields = new HashMap<>();
    fields.put(LogFields.DURATION_MS, Long.toString(exchange.duration().toMillis()));
    switch (exchange) {
      case FreeeExchange.Answered answered -> {
        fields.put(HTTP_STATUS, Integer.toString(answered.answer().status()));
        fields.put(LogFields.FREEE_REQUEST_ID, answered.answer().requestId());
        withFields(
            fields, () -> LOG.info("freee {} answered {}", operation, answered.answer().status()));
      }
      case FreeeExchange.Lost lost ->
          withFields(
              fields, () -> LOG.warn("freee {} got no answer: {}", operation, lost.reason()));
      case FreeeExchange.Unreached unreached ->
          withFields(
              fields, () -> LOG.warn("freee {} was not sent: {}", operation, unreached.reason()));
    }
  }

  private static void withFields(Map<String, String> fields, Runnable logLine) {
    Map<String, String> previous = new HashMap<>();
    fields.forEach(
        (name, value) -> {
          previous.put(name, MDC.get(name));
          if (value != null) {
            MDC.put(name, value);
          }
        });
    try {
      logLine.run();
    } finally {
      previous.forEach(
          (name, value) -> {
            if (value == null) {
              MDC.remove(name);
            } else {
              MDC.put(name, value);
            }
          });
    }
  }
}
