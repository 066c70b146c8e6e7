package io.invoicebridge.testing;

import java.util.HashMap;
import java.util.Map;

/**
 * The URLs a cloud {@code bridge.batches.queue} needs to start, for tests that put a fake queue
 * bean in the cloud queue's place (nothing is sent to these addresses).
 */
public final class TestQueueUrls {

  private TestQueueUrls() {}

  public static Map<String, Object> with(Map<String, ?> others) {
    Map<String, Object> settings = new HashMap<>(others);
    settings.put("bridge.batches.queue-url", "https://queue.test/batches");
    settings.put("bridge.batches.dead-letter-queue-url", "https://queue.test/batches-dead");
    settings.put("bridge.batches.worker-url", "https://bridge.test/v1/batches/work");
    return settings;
  }
}
