package io.invoicebridge.bench.coldstart;

import java.nio.file.Path;
import java.util.Map;

/**
 * One row of the cold-start table: a function package, the runtime that starts it, the entry point
 * it is given (Lambda's handler, the invoker's target) and the first request it answers. {@code
 * baseline} names the minimal function of the same platform that this row is compared with (itself
 * for a baseline).
 */
record Entry(
    String name,
    Platform platform,
    Path functionPackage,
    String entryPoint,
    Request request,
    String baseline) {

  enum Platform {
    /** AWS's runtime interface client against the Runtime API stand-in. */
    AWS_LAMBDA,
    /** Google's Functions Framework invoker over HTTP. */
    GCP_INVOKER
  }

  /** The first request: method, path, body (null for none) and headers. */
  record Request(String method, String path, String body, Map<String, String> headers) {

    static Request health() {
      return new Request("GET", "/health", null, Map.of());
    }
  }

  boolean isBaseline() {
    return baseline.equals(name);
  }
}
