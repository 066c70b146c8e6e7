package io.invoicebridge.adapters.azure;

import io.invoicebridge.conformance.HttpCall;
import io.invoicebridge.conformance.JdkHttpTarget;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the Functions host's queue trigger does for one app instance, against a real queue service:
 * gets up to {@code batchSize} messages (invisible to others while they run), hands each to the
 * queue-triggered function with its {@code DequeueCount}, deletes it when the function returned,
 * and when it threw (or the worker died under it) makes it visible again after host.json's {@code
 * visibilityTimeout}, or, once it was dequeued {@code maxDequeueCount} times, moves it to {@code
 * <queue>-poison}. A message dequeued more often than that (its worker kept dying) goes there
 * unrun. The host backs off its polling when the queue is empty; this loop polls every 100 ms to
 * keep the tests short.
 */
final class QueueTrigger implements AutoCloseable {

  /** One message handed to the function, and whether it came back failed. */
  record Delivery(String messageId, String text, int dequeueCount, boolean failed) {}

  /** host.json's queue settings and the stack's {@code maxDequeueCount}. */
  record Settings(int batchSize, Duration visibilityTimeout, int maxDequeueCount) {}

  /** The host's lease on a message while its function runs. */
  private static final Duration LEASE = Duration.ofMinutes(10);

  private final QueueService queues;
  private final String queue;
  private final Settings settings;
  private final JdkHttpTarget app;
  private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
  private final Thread poller;
  private volatile boolean enabled = true;
  private volatile int budget = Integer.MAX_VALUE;
  private volatile boolean idle;
  private volatile boolean running = true;

  private QueueTrigger(QueueService queues, String queue, Settings settings, JdkHttpTarget app) {
    this.queues = queues;
    this.queue = queue;
    this.settings = settings;
    this.app = app;
    this.poller = Thread.ofPlatform().daemon().name("queue-trigger").unstarted(this::poll);
  }

  static QueueTrigger start(
      QueueService queues, String queue, Settings settings, JdkHttpTarget app) {
    QueueTrigger trigger = new QueueTrigger(queues, queue, settings, app);
    trigger.poller.start();
    return trigger;
  }

  List<Delivery> deliveries() {
    return List.copyOf(deliveries);
  }

  /** Stops dequeuing; returns once nothing is dequeued or run. */
  void disable() {
    enabled = false;
    while (!idle && running) {
      pause();
    }
  }

  void enable() {
    budget = Integer.MAX_VALUE;
    enabled = true;
  }

  /** Hands over at most {@code deliveries} messages more, then stays idle (a test's brake). */
  void enableFor(int deliveries) {
    budget = deliveries;
    enabled = true;
  }

  private void poll() {
    while (running) {
      idle = !enabled || budget == 0;
      List<QueueService.Received> messages =
          idle ? List.of() : queues.receive(queue, Math.min(budget, settings.batchSize()), LEASE);
      if (messages.isEmpty()) {
        pause();
      }
      for (QueueService.Received message : messages) {
        handle(message);
        if (budget != Integer.MAX_VALUE) {
          budget--;
        }
      }
    }
  }

  private void handle(QueueService.Received message) {
    if (message.dequeueCount() > settings.maxDequeueCount()) {
      poison(message);
      return;
    }
    boolean failed = !invoke(message);
    deliveries.add(
        new Delivery(message.messageId(), message.text(), message.dequeueCount(), failed));
    if (!failed) {
      queues.delete(queue, message);
    } else if (message.dequeueCount() >= settings.maxDequeueCount()) {
      poison(message);
    } else {
      queues.release(queue, message, settings.visibilityTimeout());
    }
  }

  private void poison(QueueService.Received message) {
    queues.put(queue + "-poison", message.text());
    queues.delete(queue, message);
  }

  /** True when the function returned; false when it threw or its worker is gone. */
  private boolean invoke(QueueService.Received message) {
    try {
      return app.send(
                  new HttpCall(
                      "POST",
                      FunctionsHostStandIn.QUEUE_PATH,
                      Map.of(
                          FunctionsHostStandIn.DEQUEUE_COUNT_HEADER,
                          Integer.toString(message.dequeueCount())),
                      message.text().getBytes(StandardCharsets.UTF_8)))
              .status()
          == 200;
    } catch (RuntimeException workerGone) {
      running = false;
      return false;
    }
  }

  private static void pause() {
    try {
      Thread.sleep(100);
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
