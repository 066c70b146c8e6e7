package io.invoicebridge.bench.coldstart;

import java.nio.file.Path;
import java.util.Map;

/**
 * One row of the cold-start table: a function package, the runtime that starts it, the entry point
 * it is given (Lambda's handler, the invoker's target) and the first request it answers. {@code
 * baseline} names the minimal function of the same platform built without Micronaut AOT (what a
 * Micronaut Launch user has), {@code aotBaseline} the same minimal function built with AOT (the
 * like-for-like comparison for a row built with AOT); a baseline names itself.
 */
record Entry(
    String name,
    Platform platform,
    Path functionPackage,
    String entryPoint,
    Request request,
    String baseline,
    String aotBaseline) {

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
}
