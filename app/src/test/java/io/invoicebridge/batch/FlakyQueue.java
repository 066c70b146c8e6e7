package io.invoicebridge.batch;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A cloud queue stand-in for {@link BatchResubmitTest}, {@link BatchWorkerCallbackTest} and {@link
 * BatchWorkerRedeliveryTest}: keeps what is sent, and refuses the first sends it is told to.
 */
@Singleton
@Requires(
    property = "spec.name",
    pattern = "BatchResubmitTest|BatchWorkerCallbackTest|BatchWorkerRedeliveryTest")
public class FlakyQueue implements BatchQueue {

  final List<BatchMessage> sent = new CopyOnWriteArrayList<>();
  final List<BatchMessage> deadLettered = new CopyOnWriteArrayList<>();
  final AtomicInteger failures = new AtomicInteger();

  @Override
  public void send(List<BatchMessage> messages) {
    if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new BatchStoreUnavailableException("queue send", "refused for the test", null);
    }
    sent.addAll(messages);
  }

  @Override
  public void sendLater(BatchMessage message, Duration delay) {
    sent.add(message);
  }

  @Override
  public void deadLetter(BatchMessage message, String reason) {
    deadLettered.add(message);
  }
}
