package io.invoicebridge.conformance.deployed;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What a cloud's queue trigger does for one instance of the worker function, as a loop on its own
 * thread that a test can disable and enable: a subclass receives from the real queue and hands the
 * messages over, recording each delivery. It stops when closed or when {@link #feeding()} says its
 * instance is gone.
 */
public abstract class QueueFeed implements AutoCloseable {

  /**
   * One message handed to the function, how many times the queue has delivered it (SQS's receive
   * count, a Storage queue's dequeue count), and whether it came back failed.
   */
  public record Delivery(String messageId, String body, int deliveryCount, boolean failed) {}

  private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
  private final Thread poller;
  private final Duration idlePause;
  private volatile boolean enabled = true;
  private volatile int budget = Integer.MAX_VALUE;
  private volatile boolean idle;
  private volatile boolean running = true;

  /** {@code idlePause}: how long the loop waits when it is disabled or the queue had nothing. */
  protected QueueFeed(String threadName, Duration idlePause) {
    this.idlePause = idlePause;
    this.poller = Thread.ofPlatform().daemon().name(threadName).unstarted(this::poll);
  }

  /** Starts the loop; a subclass's factory calls it once the subclass is built. */
  protected final void start() {
    poller.start();
  }

  /**
   * Receives what the queue has (at most {@code limit} messages) and hands it over; how many
   * messages it handed over, 0 when the queue had nothing.
   */
  protected abstract int handOver(int limit);

  /** True while the loop runs: not closed, and (in a subclass) its instance still alive. */
  protected boolean feeding() {
    return running;
  }

  /** Ends the loop from inside, as a trigger stops when its instance is gone. */
  protected final void stopFeeding() {
    running = false;
  }

  protected final void record(Delivery delivery) {
    deliveries.add(delivery);
  }

  /** Every message handed to the function so far, in order. */
  public List<Delivery> deliveries() {
    return List.copyOf(deliveries);
  }

  /** How many of the deliveries after the first {@code earlier} came back failed. */
  public long failedSince(int earlier) {
    List<Delivery> all = deliveries();
    return all.subList(earlier, all.size()).stream().filter(Delivery::failed).count();
  }

  /** Stops receiving, as disabling the trigger does; returns once nothing is received or run. */
  public void disable() {
    enabled = false;
    while (!idle && feeding()) {
      pause();
    }
  }

  /** Receives again. */
  public void enable() {
    budget = Integer.MAX_VALUE;
    enabled = true;
  }

  /** Hands over at most {@code deliveries} messages more, then stays idle (a test's brake). */
  public void enableFor(int deliveries) {
    budget = deliveries;
    enabled = true;
  }

  private void poll() {
    while (feeding()) {
      int limit = budget;
      idle = !enabled || limit == 0;
      int handed = idle ? 0 : handOver(limit);
      if (budget != Integer.MAX_VALUE) {
        budget -= handed;
      }
      if (handed == 0) {
        pause();
      }
    }
  }

  private void pause() {
    try {
      Thread.sleep(idlePause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    running = false;
    try {
      poller.join(Duration.ofSeconds(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
