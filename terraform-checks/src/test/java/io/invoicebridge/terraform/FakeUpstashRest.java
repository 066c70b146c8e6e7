package io.invoicebridge.terraform;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.invoicebridge.testing.RedisAdmin;
import io.lettuce.core.RedisException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Stands in for Upstash's REST API in front of the test's real redis-server, for the ACL commands
 * terraform/scripts/redis-app-user.sh sends, as Upstash documents them: a JSON array of the
 * command's words, {@code Authorization: Bearer <REST token>}, {@code {"result": ...}} or {@code
 * {"error": ...}}. {@code ACL GENTOKEN <user> <password>} wraps the password in a token; {@code ACL
 * SETUSER} refuses a {@code >password} that is not such a token and sets the password the token
 * wraps. Without the Upstash extensions, GENTOKEN is unknown, as on any other Redis.
 */
final class FakeUpstashRest implements AutoCloseable {

  private static final String TOKEN_PREFIX = "fake-upstash-token.";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final String restToken;
  private final RedisAdmin redis;
  private final boolean upstashExtensions;

  FakeUpstashRest(String restToken, RedisAdmin redis, boolean upstashExtensions)
      throws IOException {
    this.restToken = restToken;
    this.redis = redis;
    this.upstashExtensions = upstashExtensions;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::command);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void command(HttpExchange exchange) throws IOException {
    try (exchange) {
      if (!("Bearer " + restToken).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        answer(exchange, 401, Map.of("error", "Unauthorized"));
        return;
      }
      List<String> words = new ArrayList<>();
      JSON.readTree(exchange.getRequestBody()).forEach(word -> words.add(word.asText()));
      try {
        answer(exchange, 200, Map.of("result", run(words)));
      } catch (IllegalArgumentException | RedisException refused) {
        answer(exchange, 400, Map.of("error", refused.getMessage()));
      }
    }
  }

  private String run(List<String> words) {
    String command = String.join(" ", words.subList(0, Math.min(2, words.size())));
    return switch (command.toUpperCase(Locale.ROOT)) {
      case "ACL GENTOKEN" -> genToken(words);
      case "ACL SETUSER" -> setUser(words);
      default -> throw new IllegalArgumentException("ERR this stand-in knows no " + command);
    };
  }

  private String genToken(List<String> words) {
    if (!upstashExtensions) {
      throw new IllegalArgumentException(
          "ERR Unknown subcommand or wrong number of arguments for 'GENTOKEN'. Try ACL HELP.");
    }
    String password = words.get(3);
    if (password.length() < 16) {
      throw new IllegalArgumentException("ERR the password is too weak");
    }
    String wrapped = words.get(2) + ":" + password;
    return TOKEN_PREFIX
        + Base64.getUrlEncoder().encodeToString(wrapped.getBytes(StandardCharsets.UTF_8));
  }

  private String setUser(List<String> words) {
    String user = words.get(2);
    List<String> rules = new ArrayList<>();
    for (String rule : words.subList(3, words.size())) {
      rules.add(rule.startsWith(">") && upstashExtensions ? ">" + unwrap(user, rule) : rule);
    }
    redis.aclSetUser(user, rules);
    return "OK";
  }

  private static String unwrap(String user, String rule) {
    String token = rule.substring(1);
    if (!token.startsWith(TOKEN_PREFIX)) {
      throw new IllegalArgumentException("ERR passwords must be generated with ACL GENTOKEN");
    }
    String wrapped =
        new String(
            Base64.getUrlDecoder().decode(token.substring(TOKEN_PREFIX.length())),
            StandardCharsets.UTF_8);
    if (!wrapped.startsWith(user + ":")) {
      throw new IllegalArgumentException("ERR the token belongs to another user");
    }
    return wrapped.substring(user.length() + 1);
  }

  private static void answer(HttpExchange exchange, int status, Map<String, String> body)
      throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** The stack's output {@code redis_app_user} pointing at this stand-in. */
  String stackOutput(String user, String password) throws IOException {
    return JSON.writeValueAsString(
        Map.of("rest_url", url(), "rest_token", restToken, "name", user, "password", password));
  }
}
