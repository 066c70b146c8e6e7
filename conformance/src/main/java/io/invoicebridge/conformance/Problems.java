package io.invoicebridge.conformance;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;

/** The RFC 9457 shape every error of the bridge has, whichever entry point served it. */
final class Problems {

  static final String TYPE_PREFIX = "urn:invoice-bridge:problem:";

  private Problems() {}

  static JsonNode assertProblem(HttpAnswer answer, int status, String slug) {
    assertEquals(status, answer.status(), answer::text);
    JsonNode problem = answer.json();
    assertAll(
        () -> assertEquals("application/problem+json", answer.mediaType()),
        () -> assertEquals(TYPE_PREFIX + slug, problem.path("type").asText()),
        () -> assertEquals(status, problem.path("status").asInt()),
        () -> assertFalse(problem.path("title").asText().isBlank(), "title"),
        () -> assertFalse(problem.path("detail").asText().isBlank(), "detail"),
        () -> assertFalse(answer.text().contains("Exception"), "no stack trace or class name"));
    return problem;
  }
}
