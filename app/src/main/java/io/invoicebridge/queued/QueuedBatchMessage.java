package io.invoicebridge.queued;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Creator;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import java.util.Objects;

/**
 * One queued message of an asynchronous batch: an item (which one, and how many attempts at it
 * failed so far), or the batch's callback ({@code kind} {@value #CALLBACK}). Small on purpose (the
 * item itself stays in the {@link QueuedBatchStore}), so it fits every cloud's queue.
 *
 * @param kind null for an item (messages queued before callbacks were queued have no kind either),
 *     {@value #CALLBACK} for the batch's callback (index 0)
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QueuedBatchMessage(String batchId, int index, int attempts, @Nullable String kind) {

  public static final String CALLBACK = "callback";

  @Creator
  public QueuedBatchMessage {
    Objects.requireNonNull(batchId, "batchId");
    if (index < 0 || attempts < 0) {
      throw new IllegalArgumentException("index and attempts must not be negative");
    }
    if (kind != null && !(CALLBACK.equals(kind) && index == 0)) {
      throw new IllegalArgumentException("unknown message kind " + kind);
    }
  }

  /** An item's message. */
  public QueuedBatchMessage(String batchId, int index, int attempts) {
    this(batchId, index, attempts, null);
  }

  /** The message that delivers the batch's callback. */
  public static QueuedBatchMessage callbackOf(String batchId) {
    return new QueuedBatchMessage(batchId, 0, 0, CALLBACK);
  }

  /**
   * What the message stands for, unique within its batch whatever its attempts: {@code <batch
   * id>-<index>} for an item, {@code <batch id>-callback} for the callback (letters, digits and
   * hyphens, so it also names a queue entry, e.g. a dead-lettered Cloud Task).
   */
  public String subjectId() {
    return batchId + "-" + (deliversCallback() ? CALLBACK : Integer.toString(index));
  }

  /** In words for a log line: {@code item 3} or {@code callback}. */
  public String subject() {
    return deliversCallback() ? CALLBACK : "item " + index;
  }

  public boolean deliversCallback() {
    return CALLBACK.equals(kind);
  }

  public QueuedBatchMessage nextAttempt() {
    return new QueuedBatchMessage(batchId, index, attempts + 1, kind);
  }
}
