package io.invoicebridge.adapters.azure;

import io.invoicebridge.conformance.HttpCall;
import io.invoicebridge.conformance.JdkHttpTarget;
import io.invoicebridge.conformance.deployed.QueueFeed;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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
final class QueueTrigger extends QueueFeed {

  /** host.json's queue settings and the stack's {@code maxDequeueCount}. */
  record Settings(int batchSize, Duration visibilityTimeout, int maxDequeueCount) {}

  /** The host's lease on a message while its function runs. */
  private static final Duration LEASE = Duration.ofMinutes(10);

  private final QueueService queues;
  private final String queue;
  private final Settings settings;
  private final JdkHttpTarget app;

  private QueueTrigger(QueueService queues, String queue, Settings settings, JdkHttpTarget app) {
    super("queue-trigger", Duration.ofMillis(100));
    this.queues = queues;
    this.queue = queue;
    this.settings = settings;
    this.app = app;
  }

  static QueueTrigger start(
      QueueService queues, String queue, Settings settings, JdkHttpTarget app) {
    QueueTrigger trigger = new QueueTrigger(queues, queue, settings, app);
    trigger.start();
    return trigger;
  }

  @Override
  protected int handOver(int limit) {
    List<QueueService.Received> messages =
        queues.receive(queue, Math.min(limit, settings.batchSize()), LEASE);
    messages.forEach(this::handle);
    return messages.size();
  }

  private void handle(QueueService.Received message) {
    if (message.dequeueCount() > settings.maxDequeueCount()) {
      poison(message);
      return;
    }
    boolean failed = !invoke(message);
    record(new Delivery(message.messageId(), message.text(), message.dequeueCount(), failed));
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
      stopFeeding();
      return false;
    }
  }
}
