package io.invoicebridge.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.invoicebridge.health.HealthFinding.Status;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Map;

/**
 * {@code /health}'s body: the status alone for anyone ({@code {"status":"UP"}}), and for a caller
 * with the run token the application's name and each check's finding by the check's name.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
record HealthAnswer(
    @Nullable String name, Status status, @Nullable Map<String, HealthFinding> details) {

  static HealthAnswer statusOnly(Status status) {
    return new HealthAnswer(null, status, null);
  }

  static HealthAnswer detailed(String name, Map<String, HealthFinding> findings) {
    return new HealthAnswer(name, HealthChecks.worst(findings), findings);
  }
}
