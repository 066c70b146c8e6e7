package io.invoicebridge.e2e;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.testing.BridgeServer;
import io.invoicebridge.testing.FakeFreee;
import io.invoicebridge.testing.LogCapture;
import io.invoicebridge.testing.TestItems;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/operations.md, "Logs": tokens, secrets and invoice bodies never reach the logs. */
class LogSecrecyTest {

  @Test
  void fullBatchWithRefreshAndFailures_logsNoTokenSecretOrInvoiceContent() {
    try (FakeFreee freee = FakeFreee.start().rateLimit(10_000, Duration.ofMinutes(1));
        LogCapture logs = new LogCapture()) {
      String seed = freee.issueRefreshToken();
      try (BridgeServer bridge =
          BridgeServer.start(freee, seed, Map.of("bridge.rate-limit-per-minute", "6000"))) {
        freee.dropAfterNextCreates(1);
        bridge.postBatch(TestItems.batch("secret-check", 6, 101));
        freee.expireAccessTokens();
        bridge.postBatch(TestItems.batch("secret-check-2", 3, 101));
        bridge.postBatch(TestItems.batchOf(TestItems.json("rejected", 999, "1")));
      }

      String text = logs.text();
      assertTrue(text.contains("secret-check-0"), "the capture saw the batch");
      assertTrue(freee.secrets().size() >= 4, "tokens were issued and rotated");
      for (String secret : freee.secrets()) {
        assertFalse(text.contains(secret), "a token or the client secret was logged");
      }
      assertFalse(text.contains(BridgeServer.RUN_TOKEN), "the run token was logged");
      assertFalse(text.contains("保守作業"), "invoice content was logged");
    }
  }
}
