package io.invoicebridge.problem;

import io.micronaut.serde.annotation.Serdeable;

/** One invalid field: a JSON Pointer (RFC 6901) into the request body and what is wrong there. */
@Serdeable
public record Violation(String pointer, String message) {}
