package io.invoicebridge.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code /health}'s answers with a readiness check that is DOWN beside the real configuration check
 * (liveness): which checks each path runs, the status codes, and what only the operator sees.
 */
@MicronautTest(environments = HealthControllerTest.ENVIRONMENT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthControllerTest implements TestPropertyProvider {

  static final String ENVIRONMENT = "health-controller-test";
  private static final String RUN_TOKEN = "h".repeat(40);

  @Inject
  @Client("/")
  HttpClient http;

  @Inject JsonMapper json;

  @Override
  public Map<String, String> getProperties() {
    return Map.of("bridge.run-token", RUN_TOKEN, "bridge.freee-dry-run", "true");
  }

  @Test
  void health_readinessCheckDown_anonymousGetsStatusOnlyAnd503() {
    Answer answer = get("/health", false);

    assertEquals(503, answer.status());
    assertEquals("{\"status\":\"DOWN\"}", answer.text());
  }

  @Test
  void health_readinessCheckDown_operatorSeesEveryFinding() {
    Answer answer = get("/health", true);

    assertEquals(503, answer.status());
    assertEquals("DOWN", answer.body().get("status").getStringValue());
    assertEquals("invoice-bridge", answer.body().get("name").getStringValue());
    JsonNode details = answer.body().get("details");
    assertEquals("UP", details.get("configuration").get("status").getStringValue(), answer::text);
    assertTrue(details.get("configuration").get("details").get("dry_run").getBooleanValue());
    assertEquals("DOWN", details.get(AlwaysDown.NAME).get("status").getStringValue(), answer::text);
    assertEquals(
        "down on purpose", details.get(AlwaysDown.NAME).get("details").get("why").getStringValue());
  }

  @Test
  void liveness_readinessCheckDown_upWithLivenessChecksOnly() {
    Answer anonymous = get("/health/liveness", false);
    Answer operator = get("/health/liveness", true);

    assertEquals(200, anonymous.status());
    assertEquals("UP", anonymous.body().get("status").getStringValue());
    assertEquals(200, operator.status());
    assertNotNull(operator.body().get("details").get("configuration"), operator::text);
    assertNull(operator.body().get("details").get(AlwaysDown.NAME), operator::text);
  }

  @Test
  void readiness_readinessCheckDown_503WithReadinessChecksOnly() {
    Answer answer = get("/health/readiness", true);

    assertEquals(503, answer.status());
    assertNotNull(answer.body().get("details").get(AlwaysDown.NAME), answer::text);
    assertNull(answer.body().get("details").get("configuration"), answer::text);
  }

  @Test
  void health_unknownProbe_notFound() {
    assertEquals(404, get("/health/startup", true).status());
  }

  private Answer get(String path, boolean operator) {
    HttpRequest<?> request = HttpRequest.GET(path);
    if (operator) {
      request = HttpRequest.GET(path).bearerAuth(RUN_TOKEN);
    }
    try {
      HttpResponse<String> response = http.toBlocking().exchange(request, String.class);
      return answer(response.code(), response.body());
    } catch (HttpClientResponseException e) {
      return answer(e.code(), e.getResponse().getBody(String.class).orElse(""));
    }
  }

  private Answer answer(int status, String text) {
    try {
      return new Answer(status, text, json.readValue(text, JsonNode.class));
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }

  private record Answer(int status, String text, JsonNode body) {}

  /** A readiness check that is always DOWN, only in this test's environment. */
  @Singleton
  @Requires(env = ENVIRONMENT)
  static class AlwaysDown extends HealthCheck {

    static final String NAME = "always-down";

    AlwaysDown() {
      super(NAME, Probe.READINESS);
    }

    @Override
    public HealthFinding check() {
      return HealthFinding.down(Map.of("why", "down on purpose"));
    }
  }
}
