package io.invoicebridge.invoice;

import io.invoicebridge.config.BridgeConfig;
import io.invoicebridge.logging.LogFields;
import io.invoicebridge.metrics.InvoiceOutcome;
import io.invoicebridge.metrics.OperationalEvents;
import io.invoicebridge.quota.ItemsInFlight;
import io.invoicebridge.timing.Deadline;
import io.invoicebridge.timing.RequestDeadlines;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs a batch's items on a few virtual-thread workers (freee concurrency itself is bounded by the
 * call gate), and answers by the deadline whatever is finished: items not started are {@code
 * not_attempted}, items still running are {@code in_progress}; both are safe to resend.
 */
@Singleton
public class BatchProcessor {

  private static final Logger LOG = LoggerFactory.getLogger(BatchProcessor.class);

  // Resolved at the first item it creates: a dry run never builds the freee call path and its HTTP
  // client (a cold start's first batch pays for nothing it does not use).
  private final BeanProvider<InvoiceCreation> creation;
  private final DryRun dryRun;
  private final BridgeConfig config;
  private final ItemsInFlight inFlight;
  private final Clock clock;
  private final OperationalEvents events;

  public BatchProcessor(
      BeanProvider<InvoiceCreation> creation,
      DryRun dryRun,
      BridgeConfig config,
      ItemsInFlight inFlight,
      Clock clock,
      OperationalEvents events) {
    this.creation = creation;
    this.dryRun = dryRun;
    this.config = config;
    this.inFlight = inFlight;
    this.clock = clock;
    this.events = events;
  }

  /** Returns one result per item, in order, by {@code deadlines.answer()}. */
  public List<ItemResult> process(List<InvoiceItem> items, RequestDeadlines deadlines) {
    AtomicReferenceArray<Finished> results = new AtomicReferenceArray<>(items.size());
    AtomicInteger next = new AtomicInteger();
    int workers = Math.min(items.size(), Math.max(4, 2 * config.limits().concurrentFreeeCalls()));
    CountDownLatch finished = new CountDownLatch(workers);
    Map<String, String> context = MDC.getCopyOfContextMap();
    ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    for (int w = 0; w < workers; w++) {
      executor.execute(() -> work(items, results, next, deadlines.work(), context, finished));
    }
    executor.shutdown();
    inFlight.started(items.size());
    try {
      awaitQuietly(finished, deadlines.answer().remaining());
    } finally {
      inFlight.finished(items.size());
    }
    return collect(items, results, next.get(), () -> creation.get().claimMargin(), clock.instant());
  }

  /** An item's result and when it was reached: its wait counts from then. */
  private record Finished(ItemResult result, Instant at) {

    /**
     * The result as the answer written at {@code answeredAt} gives it: the wait it asked for less
     * the time it spent waiting for the rest of the batch, so a client honouring {@code
     * Retry-After} comes back when the item can go, not that much later.
     */
    ItemResult asOf(Instant answeredAt) {
      Duration wait = result.retryAfter();
      if (wait == null) {
        return result;
      }
      Duration left = wait.minus(Duration.between(at, answeredAt));
      return result.withRetryAfter(left.isNegative() ? Duration.ZERO : left);
    }
  }

  private void work(
      List<InvoiceItem> items,
      AtomicReferenceArray<Finished> results,
      AtomicInteger next,
      Deadline deadline,
      Map<String, String> context,
      CountDownLatch finished) {
    try {
      int index;
      while (!deadline.passed() && (index = next.getAndIncrement()) < items.size()) {
        ItemResult result = processLogged(items.get(index), deadline, context);
        results.set(index, new Finished(result, clock.instant()));
      }
    } finally {
      MDC.clear();
      finished.countDown();
    }
  }

  private ItemResult processLogged(
      InvoiceItem item, Deadline deadline, Map<String, String> context) {
    if (context != null) {
      MDC.setContextMap(context);
    }
    MDC.put(LogFields.KEY, item.key());
    long started = clock.millis();
    ItemResult result =
        config.dryRun() ? dryRun.preview(item) : creation.get().create(item, deadline);
    MDC.put(LogFields.STATUS, result.status().wireName());
    MDC.put(LogFields.ATTEMPT, Integer.toString(result.attempts()));
    long durationMs = clock.millis() - started;
    MDC.put(LogFields.DURATION_MS, Long.toString(durationMs));
    if (result.freeeRequestId() != null) {
      MDC.put(LogFields.FREEE_REQUEST_ID, result.freeeRequestId());
    }
    LOG.info("item {}", result.status().wireName());
    events.emit(new InvoiceOutcome(result.status().wireName(), result.attempts(), durationMs));
    return result;
  }

  private static List<ItemResult> collect(
      List<InvoiceItem> items,
      AtomicReferenceArray<Finished> results,
      int started,
      Supplier<Duration> claimMargin,
      Instant answeredAt) {
    List<ItemResult> ordered = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      Finished finished = results.get(i);
      ItemResult result = finished == null ? null : finished.asOf(answeredAt);
      if (result == null) {
        result =
            i < started
                ? ItemResult.of(
                        items.get(i).key(),
                        ItemStatus.IN_PROGRESS,
                        0,
                        "still running when the deadline came; resend later")
                    .withRetryAfter(claimMargin.get())
                : ItemResult.of(
                        items.get(i).key(),
                        ItemStatus.NOT_ATTEMPTED,
                        0,
                        "the deadline left no time for this item; safe to resend")
                    .withRetryAfter(Duration.ofSeconds(1));
      }
      ordered.add(result);
    }
    return ordered;
  }

  private static void awaitQuietly(CountDownLatch latch, Duration timeout) {
    try {
      latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
