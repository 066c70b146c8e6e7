package io.invoicebridge.metrics;

import java.util.List;
import java.util.Map;

/**
 * A queued item of an asynchronous batch was given up after its attempts (it is {@code failed} on
 * its batch and, on a cloud queue, dead-lettered): an invoice the caller expects was not created.
 *
 * @param attempts the attempts it was given
 */
public record BatchItemDeadLettered(int attempts) implements OperationalEvent {

  @Override
  public String name() {
    return "batch_dead_lettered";
  }

  @Override
  public Map<String, Object> fields() {
    return Fields.of().with("attempts", attempts).build();
  }

  @Override
  public List<Metric> metrics() {
    return List.of(Metric.count("DeadLettered"));
  }
}
