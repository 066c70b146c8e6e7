package io.invoicebridge.queued;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;

/**
 * A batch's messages sent to a cloud queue whose API takes one message a call (Cloud Tasks, Storage
 * queues): one call each on virtual threads, a bounded number in flight, so a large batch is queued
 * within its submit's second.
 */
public final class ParallelSends {

  private ParallelSends() {}

  /**
   * Calls {@code send} for each message, at most {@code parallel} at once, and returns once every
   * call has returned.
   *
   * @throws QueuedBatchStoreUnavailableException the one a call threw, or one naming {@code step}
   *     for any other failure or an interrupt
   */
  public static void sendEach(
      List<QueuedBatchMessage> messages,
      int parallel,
      String step,
      Consumer<QueuedBatchMessage> send) {
    Semaphore slots = new Semaphore(parallel);
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> calls = new ArrayList<>();
      for (QueuedBatchMessage message : messages) {
        calls.add(
            executor.submit(
                () -> {
                  slots.acquireUninterruptibly();
                  try {
                    send.accept(message);
                  } finally {
                    slots.release();
                  }
                }));
      }
      for (Future<?> call : calls) {
        call.get();
      }
    } catch (ExecutionException e) {
      throw e.getCause() instanceof QueuedBatchStoreUnavailableException unavailable
          ? unavailable
          : new QueuedBatchStoreUnavailableException(step, e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QueuedBatchStoreUnavailableException(step, "interrupted", e);
    }
  }
}
