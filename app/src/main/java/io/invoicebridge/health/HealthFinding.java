package io.invoicebridge.health;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one {@link HealthCheck} found: its status and, for the operator, the facts behind it (plain
 * values and maps of them, written as JSON in {@code /health}'s details).
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record HealthFinding(Status status, Map<String, Object> details) {

  /** DOWN answers 503, so a load balancer or the deploy pipeline takes the instance out. */
  public enum Status {
    UP,
    DOWN
  }

  public HealthFinding {
    details = Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }

  public static HealthFinding up(Map<String, Object> details) {
    return new HealthFinding(Status.UP, details);
  }

  public static HealthFinding down(Map<String, Object> details) {
    return new HealthFinding(Status.DOWN, details);
  }

  public boolean isUp() {
    return status == Status.UP;
  }
}
