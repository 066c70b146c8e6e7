package io.invoicebridge.conformance;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.function.Executable;

/**
 * Micronaut's management endpoints (the packages leave the module out; health is the app's own
 * controller): none may answer anyone, with or without the run token. A bean list or a thread dump
 * tells an attacker what runs inside; {@code /refresh} and {@code /stop} would change it.
 */
public final class ManagementEndpoints {

  /** The paths asked for, each with GET and, where it would act, POST. */
  public static final List<String> CLOSED =
      List.of("/beans", "/threaddump", "/env", "/routes", "/loggers", "/info", "/refresh", "/stop");

  private static final List<String> ACTING = List.of("/refresh", "/stop");

  private ManagementEndpoints() {}

  /** Asserts that every closed endpoint answers 404 or 401 through {@code send}. */
  public static void assertClosed(
      Function<HttpCall, HttpAnswer> send, Map<String, String> headers) {
    List<HttpCall> calls = new ArrayList<>();
    for (String path : CLOSED) {
      calls.add(HttpCall.get(path, headers));
      if (ACTING.contains(path)) {
        calls.add(HttpCall.post(path, withJson(headers), "{}"));
      }
    }
    List<Executable> checks = new ArrayList<>();
    for (HttpCall call : calls) {
      HttpAnswer answer = send.apply(call);
      checks.add(
          () ->
              assertTrue(
                  answer.status() == 404 || answer.status() == 401,
                  () -> call.method() + " " + call.target() + " answered " + answer.status()));
    }
    assertAll(checks);
  }

  private static Map<String, String> withJson(Map<String, String> headers) {
    Map<String, String> withType = new LinkedHashMap<>(headers);
    withType.put("Content-Type", "application/json");
    return withType;
  }
}
