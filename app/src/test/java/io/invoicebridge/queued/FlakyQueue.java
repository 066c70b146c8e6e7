package io.invoicebridge.queued;

import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A cloud queue stand-in for {@link QueuedBatchResubmitTest}, {@link QueuedBatchWorkerCallbackTest}
 * and {@link QueuedBatchWorkerRedeliveryTest}: keeps what is sent, and refuses the first sends it
 * is told to.
 */
@Singleton
@Requires(
    property = "spec.name",
    pattern =
        "QueuedBatchResubmitTest|QueuedBatchWorkerCallbackTest|QueuedBatchWorkerRedeliveryTest")
public class FlakyQueue implements BatchQueue {

  final List<QueuedBatchMessage> sent = new CopyOnWriteArrayList<>();
  final List<QueuedBatchMessage> deadLettered = new CopyOnWriteArrayList<>();
  final AtomicInteger failures = new AtomicInteger();

  @Override
  public void send(List<QueuedBatchMessage> messages) {
    if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      throw new QueuedBatchStoreUnavailableException("queue send", "refused for the test", null);
    }
    sent.addAll(messages);
  }

  @Override
  public void sendLater(QueuedBatchMessage message, Duration delay) {
    sent.add(message);
  }

  @Override
  public void deadLetter(QueuedBatchMessage message, String reason) {
    deadLettered.add(message);
  }
}
