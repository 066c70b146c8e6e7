package io.invoicebridge.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.invoicebridge.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What only the in-memory ledger must do; the shared rules are in its contract test. */
class InMemoryLedgerTest {

  @Test
  void claim_manyKeysNeverReadAgain_dropsThemAfterRetention() {
    MutableClock clock = MutableClock.at("2026-11-30T00:00:00Z");
    InMemoryLedger ledger = new InMemoryLedger(clock);
    for (int i = 0; i < 1000; i++) {
      ledger.claim("old-" + i, "hash", "owner", Duration.ofSeconds(30));
      ledger.complete("old-" + i, "owner", new CreatedInvoice(i, null, Instant.EPOCH));
    }
    clock.advance(Ledger.CREATED_RETENTION.plusSeconds(1));

    for (int i = 0; i < 100; i++) {
      ledger.claim("new-" + i, "hash", "owner", Duration.ofSeconds(30));
    }

    assertEquals(100, ledger.size());
  }
}
