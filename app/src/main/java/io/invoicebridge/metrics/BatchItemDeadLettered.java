package io.invoicebridge.metrics;

/**
 * A queued item of an asynchronous batch was given up after its attempts (it is {@code failed} on
 * its batch and, on a cloud queue, dead-lettered): an invoice the caller expects was not created.
 *
 * @param attempts the attempts it was given
 */
public record BatchItemDeadLettered(int attempts) implements OperationalEvent {

  @Override
  public EventLine line() {
    return EventLine.named("batch_dead_lettered")
        .field("attempts", attempts)
        .metric(Metric.count("DeadLettered"));
  }
}
