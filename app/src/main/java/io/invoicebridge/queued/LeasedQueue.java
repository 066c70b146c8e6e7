package io.invoicebridge.queued;

import java.time.Duration;
import java.util.Optional;

/**
 * The local worker's queue: a message taken is leased, not removed, so a worker that stops mid-item
 * leaves it for another once the lease ends. Every method may throw {@link
 * QueuedBatchStoreUnavailableException}.
 */
public interface LeasedQueue extends BatchQueue {

  /** The earliest due message, leased for {@code lease}; empty when none is due. */
  Optional<Leased> take(Duration lease);

  /** Removes a message that is done with. */
  void ack(Leased taken);

  /** Replaces a taken message by {@code next}, due after {@code delay}. */
  void handBack(Leased taken, QueuedBatchMessage next, Duration delay);

  /** Moves a taken message to the dead letters, with the reason. */
  void deadLetter(Leased taken, String reason);

  /** A taken message and the queue's own handle on it. */
  record Leased(QueuedBatchMessage message, String receipt) {}
}
