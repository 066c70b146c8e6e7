package io.invoicebridge.conformance.deployed;

import io.invoicebridge.conformance.HttpCall;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * How a platform delivers a call's correlation id: in {@code header} (a trace header the front door
 * adds, or the platform's own request or invocation id), as {@code value} writes it, with new ids
 * of the platform's own form from {@code newId}.
 */
public record Correlation(String header, UnaryOperator<String> value, Supplier<String> newId) {

  /** The platform's own request or invocation id, a UUID, as the header's whole value. */
  public static Correlation requestId(String header) {
    return new Correlation(header, id -> id, () -> UUID.randomUUID().toString());
  }

  /**
   * A W3C / Google trace id (32 lower-case hex digits) in a trace header written by {@code value}.
   */
  public static Correlation traceId(String header, UnaryOperator<String> value) {
    return new Correlation(header, value, Correlation::randomTraceId);
  }

  /** {@code call} with the id's header, as the platform delivers it. */
  public HttpCall of(HttpCall call, String id) {
    Map<String, String> headers = new LinkedHashMap<>(call.headers());
    headers.put(header, value.apply(id));
    return new HttpCall(call.method(), call.target(), headers, call.body());
  }

  private static String randomTraceId() {
    byte[] traceId = new byte[16];
    ThreadLocalRandom.current().nextBytes(traceId);
    return HexFormat.of().formatHex(traceId);
  }
}
