package io.invoicebridge.queued;

import static java.util.concurrent.TimeUnit.MILLISECONDS;

import io.invoicebridge.config.BridgeConfig;
import io.invoicebridge.invoice.InvoiceCreation;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the local queue in process (where no cloud queue is configured): a few threads take leased
 * messages and hand them to the {@link QueuedBatchWorker}. A message's lease outlasts the item's
 * ledger claim, so an instance that stops mid-item leaves it to another only when its claim is
 * over.
 *
 * <p>The first look at the queue comes {@link #LONGEST_IDLE_POLL} after startup, or at once when
 * this instance queues a batch ({@link #wake}): a cold start connects nothing to Redis by itself,
 * so its first request never waits behind the worker's connect.
 */
@Singleton
@Requires(property = QueuedBatchSettings.PREFIX + ".queue", value = "local", defaultValue = "local")
public class LocalQueuedBatchWorker implements ApplicationEventListener<StartupEvent> {

  private static final Logger LOG = LoggerFactory.getLogger(LocalQueuedBatchWorker.class);

  /**
   * An idle worker looks again after 250 ms, doubling up to 5 s: each look is one Redis command,
   * which Upstash bills.
   */
  static final Duration FIRST_IDLE_POLL = Duration.ofMillis(250);

  static final Duration LONGEST_IDLE_POLL = Duration.ofSeconds(5);
  private static final Duration STORE_DOWN_WAIT = Duration.ofSeconds(2);

  private final LeasedQueue queue;
  // Resolved at the first message: a cold start builds none of the worker's call path (the freee
  // clients) for an instance that may never see a batch.
  private final BeanProvider<QueuedBatchWorker> worker;
  private final int threads;
  private final Duration lease;
  private final List<Thread> running = new ArrayList<>();
  private final Semaphore wake = new Semaphore(0);
  private volatile boolean stopped;

  public LocalQueuedBatchWorker(
      LeasedQueue queue,
      BeanProvider<QueuedBatchWorker> worker,
      BridgeConfig config,
      @Value("${" + InvoiceCreation.CLAIM_MARGIN_PROPERTY + ":30s}") Duration claimMargin) {
    this.queue = queue;
    this.worker = worker;
    this.threads = Math.max(1, config.limits().concurrentFreeeCalls());
    this.lease = config.limits().requestTimeout().plus(claimMargin).plus(Duration.ofSeconds(5));
  }

  @Override
  public synchronized void onApplicationEvent(StartupEvent event) {
    if (!running.isEmpty()) {
      return;
    }
    for (int i = 0; i < threads; i++) {
      running.add(Thread.ofVirtual().name("batch-worker-" + i).start(this::drain));
    }
  }

  /** This instance has just queued a batch's items: the workers look at once. */
  public void wake() {
    wake.release(threads);
  }

  @PreDestroy
  public synchronized void stop() {
    stopped = true;
    running.forEach(Thread::interrupt);
  }

  private void drain() {
    Duration idle = LONGEST_IDLE_POLL;
    while (!stopped) {
      try {
        if (idle.compareTo(Duration.ZERO) > 0 && wake.tryAcquire(idle.toMillis(), MILLISECONDS)) {
          idle = Duration.ZERO;
          continue;
        }
        Optional<LeasedQueue.Leased> taken = queue.take(lease);
        if (taken.isEmpty()) {
          idle =
              idle.multipliedBy(2).compareTo(LONGEST_IDLE_POLL) > 0
                  ? LONGEST_IDLE_POLL
                  : idle.isZero() ? FIRST_IDLE_POLL : idle.multipliedBy(2);
        } else {
          idle = Duration.ZERO;
          settle(taken.get(), worker.get().handle(taken.get().message(), 0));
        }
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        if (stopped) {
          return;
        }
        LOG.warn("batch worker: {}", e.getMessage());
        pause();
      }
    }
  }

  private void settle(LeasedQueue.Leased taken, Disposition disposition) {
    switch (disposition) {
      case Disposition.Done done -> queue.ack(taken);
      case Disposition.Later later -> queue.handBack(taken, later.next(), later.delay());
      case Disposition.GaveUp gaveUp -> queue.deadLetter(taken, gaveUp.reason());
    }
  }

  private void pause() {
    try {
      Thread.sleep(STORE_DOWN_WAIT);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
