package io.invoicebridge.adapters.azure;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for the Azure Functions host and its Java worker, for the as-deployed test (no
 * Functions host can be installed here): reads the staged {@code function.json} as the worker does,
 * creates the function class with its no-argument constructor, and hands every HTTP request to the
 * entry point as an {@link HttpRequestMessage} with an {@link ExecutionContext}, in a JVM whose
 * environment is the app settings. Run: {@code FunctionsHostStandIn PORT STAGING_DIR}.
 *
 * <p>A request's {@link #INVOCATION_ID_HEADER} (removed before delivery) chooses its invocation id;
 * otherwise a new one is made, as the host does.
 *
 * <p>A POST to {@link #QUEUE_PATH} delivers its body as one queue message to the queue-triggered
 * function {@code batch-worker}, as the host does: the message text and {@link
 * #DEQUEUE_COUNT_HEADER}'s count, after resolving the trigger's {@code %SETTING%} queue name from
 * the app settings (the host disables a function whose setting is missing). 200 when the function
 * returned, 500 when it threw (the host would retry the message).
 */
public final class FunctionsHostStandIn {

  static final String INVOCATION_ID_HEADER = "X-Stand-In-Invocation-Id";
  static final String QUEUE_PATH = "/__stand-in/queue/batch-worker";
  static final String DEQUEUE_COUNT_HEADER = "X-Stand-In-Dequeue-Count";
  private static final String QUEUE_FUNCTION = "batch-worker";
  private static final Pattern QUEUE_NAME =
      Pattern.compile("\"queueName\"\\s*:\\s*\"%([^%\"]+)%\"");
  private static final String FUNCTION = "invoice-bridge";
  private static final Pattern ENTRY_POINT = Pattern.compile("\"entryPoint\"\\s*:\\s*\"([^\"]+)\"");

  private final Object function;
  private final Method entryPoint;
  private Method queueEntryPoint;

  private FunctionsHostStandIn(Object function, Method entryPoint) {
    this.function = function;
    this.entryPoint = entryPoint;
  }

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    String target = entryPoint(Files.readString(Path.of(args[1], FUNCTION, "function.json")));
    int split = target.lastIndexOf('.');
    Class<?> type = Class.forName(target.substring(0, split));
    Method method =
        type.getMethod(
            target.substring(split + 1), HttpRequestMessage.class, ExecutionContext.class);
    FunctionsHostStandIn host =
        new FunctionsHostStandIn(type.getConstructor().newInstance(), method);
    host.queueEntryPoint = queueEntryPoint(type, Path.of(args[1], QUEUE_FUNCTION, "function.json"));
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 32);
    server.createContext("/", host::serve);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
  }

  /**
   * {@code "entryPoint" : "package.Class.method"} of function.json (the staged app's own jars carry
   * no JSON mapper).
   */
  private static String entryPoint(String functionJson) {
    Matcher matcher = ENTRY_POINT.matcher(functionJson);
    if (!matcher.find()) {
      throw new IllegalStateException("function.json names no entryPoint");
    }
    return matcher.group(1);
  }

  /** The queue trigger's method, once its queue-name setting resolves; null without one. */
  private static Method queueEntryPoint(Class<?> type, Path functionJson) throws Exception {
    if (!Files.exists(functionJson)) {
      return null;
    }
    String json = Files.readString(functionJson);
    Matcher setting = QUEUE_NAME.matcher(json);
    if (setting.find() && System.getenv(setting.group(1)) == null) {
      // As the host: the function is disabled ("in error"), the others keep running.
      System.err.println(
          "The '"
              + QUEUE_FUNCTION
              + "' function is disabled: %"
              + setting.group(1)
              + "% does not"
              + " resolve to a value");
      return null;
    }
    String target = entryPoint(json);
    return type.getMethod(
        target.substring(target.lastIndexOf('.') + 1),
        String.class,
        long.class,
        ExecutionContext.class);
  }

  private void serveQueue(HttpExchange exchange) throws IOException {
    String message = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    long dequeueCount =
        Long.parseLong(
            Optional.ofNullable(exchange.getRequestHeaders().getFirst(DEQUEUE_COUNT_HEADER))
                .orElse("1"));
    int status = 200;
    try {
      queueEntryPoint.invoke(
          function, message, dequeueCount, new Invocation(UUID.randomUUID().toString()));
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    } catch (InvocationTargetException e) {
      e.getCause().printStackTrace();
      status = 500;
    }
    exchange.sendResponseHeaders(status, -1);
  }

  private void serve(HttpExchange exchange) throws IOException {
    if (exchange.getRequestURI().getPath().equals(QUEUE_PATH) && queueEntryPoint != null) {
      try (exchange) {
        serveQueue(exchange);
      }
      return;
    }
    try (exchange) {
      Map<String, String> headers = new LinkedHashMap<>();
      exchange
          .getRequestHeaders()
          .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values.getFirst()));
      String invocationId =
          Optional.ofNullable(headers.remove(INVOCATION_ID_HEADER.toLowerCase(Locale.ROOT)))
              .orElseGet(() -> UUID.randomUUID().toString());
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      URI uri = URI.create("http://localhost" + exchange.getRequestURI());
      StandInRequest request =
          new StandInRequest(
              uri,
              HttpMethod.value(exchange.getRequestMethod()),
              headers,
              query(uri),
              body.isEmpty() ? Optional.empty() : Optional.of(body));
      write(exchange, invoke(request, new Invocation(invocationId)));
    }
  }

  private StandInResponse invoke(StandInRequest request, ExecutionContext context) {
    try {
      return (StandInResponse) entryPoint.invoke(function, request, context);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    } catch (InvocationTargetException e) {
      // The host answers 500 for a function that threw; the test sees it in the status.
      e.getCause().printStackTrace();
      return new StandInResponse(500, Map.of(), "function threw");
    }
  }

  private static void write(HttpExchange exchange, StandInResponse response) throws IOException {
    response
        .headers()
        .forEach((name, values) -> exchange.getResponseHeaders().put(name, List.copyOf(values)));
    byte[] body = response.bytes();
    exchange.sendResponseHeaders(response.getStatusCode(), body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      exchange.getResponseBody().write(body);
    }
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> parameters = new LinkedHashMap<>();
    String raw = uri.getRawQuery();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        String[] nameValue = pair.split("=", 2);
        parameters.merge(
            decode(nameValue[0]),
            nameValue.length > 1 ? decode(nameValue[1]) : "",
            (first, next) -> first + "," + next);
      }
    }
    return parameters;
  }

  private static String decode(String value) {
    return URLDecoder.decode(value, StandardCharsets.UTF_8);
  }
}
