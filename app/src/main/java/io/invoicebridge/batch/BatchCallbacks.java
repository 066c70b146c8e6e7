package io.invoicebridge.batch;

import io.invoicebridge.limit.Sleeper;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a finished batch's result to its {@code callback_url}, once (the store names the one worker
 * that finished the batch), signed with {@link CallbackSignature}, retried with backoff, through
 * {@link CallbackSender} (the target checked again before each send and connected to exactly as
 * judged).
 */
@Singleton
public class BatchCallbacks {

  static final int ATTEMPTS = 5;
  private static final Logger LOG = LoggerFactory.getLogger(BatchCallbacks.class);

  private final BatchStore store;
  private final StoredItems stored;
  private final JsonMapper json;
  private final BatchSettings settings;
  private final CallbackTargets targets;
  private final Clock clock;
  private final Sleeper sleeper;
  private final CallbackSender sender;

  public BatchCallbacks(
      BatchStore store,
      StoredItems stored,
      JsonMapper json,
      BatchSettings settings,
      Clock clock,
      Sleeper sleeper) {
    this.store = store;
    this.stored = stored;
    this.json = json;
    this.settings = settings;
    this.targets =
        new CallbackTargets(settings.allowedCallbackHosts(), settings.callbackAllowLoopback());
    this.sender = new CallbackSender(targets);
    this.clock = clock;
    this.sleeper = sleeper;
  }

  /** The checks a callback URL must pass at submit. */
  public CallbackTargets targets() {
    return targets;
  }

  /** Whether callbacks can be signed (a secret is configured). */
  public boolean enabled() {
    return settings.callbackSecret() != null;
  }

  /** Sends the batch's final result to its callback URL, if it has one; never throws. */
  public void finished(String batchId) {
    Optional<StoredBatch> batch = store.find(batchId);
    if (batch.isEmpty() || batch.get().callbackUrl() == null || !enabled()) {
      return;
    }
    try {
      byte[] body = json.writeValueAsBytes(BatchView.of(batch.get(), stored));
      deliver(batchId, batch.get().callbackUrl(), body);
    } catch (IOException e) {
      LOG.error("batch {} callback not sent: {}", batchId, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void deliver(String batchId, String url, byte[] body)
      throws IOException, InterruptedException {
    CallbackSignature signature = new CallbackSignature(settings.callbackSecret());
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      String outcome;
      try {
        int status = sender.post(url, body, signature.sign(body, clock.instant()));
        if (status >= 200 && status < 300) {
          LOG.info("batch {} callback delivered (HTTP {})", batchId, status);
          return;
        }
        outcome = "HTTP " + status;
      } catch (CallbackRefusedException e) {
        LOG.warn("batch {} callback refused: callback_url {}", batchId, e.getMessage());
        return;
      } catch (IOException e) {
        outcome = e.getClass().getSimpleName();
      }
      LOG.warn("batch {} callback attempt {} failed: {}", batchId, attempt, outcome);
      if (attempt < ATTEMPTS) {
        sleeper.sleep(Duration.ofSeconds(1L << attempt));
      }
    }
    LOG.error("batch {} callback given up after {} attempts", batchId, ATTEMPTS);
  }
}
