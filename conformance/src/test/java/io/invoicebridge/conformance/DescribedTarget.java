package io.invoicebridge.conformance;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;

/**
 * An entry point whose every exchange must match the API's OpenAPI description: a case whose
 * request or answer the description does not allow fails, naming what does not match.
 */
record DescribedTarget(HttpTarget target, ApiDescription description) implements HttpTarget {

  @Override
  public HttpAnswer send(HttpCall call) {
    HttpAnswer answer = target.send(call);
    List<String> problems = description.problems(call, answer);
    if (!problems.isEmpty()) {
      fail(
          call.method()
              + " "
              + call.target()
              + " answered "
              + answer.status()
              + " does not match docs/openapi.yml:\n  "
              + String.join("\n  ", problems)
              + "\n"
              + answer.text());
    }
    return answer;
  }

  @Override
  public void close() {
    target.close();
  }
}
