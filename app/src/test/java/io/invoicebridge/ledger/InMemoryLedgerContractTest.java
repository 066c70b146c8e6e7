package io.invoicebridge.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.testing.MutableClock;
import java.time.Duration;
import java.util.Optional;

class InMemoryLedgerContractTest extends AbstractLedgerContractTest {

  private final MutableClock clock = MutableClock.at("2026-11-30T09:00:00Z");
  private final InMemoryLedger ledger = new InMemoryLedger(clock);

  @Override
  protected Fixture newFixture() {
    return new Fixture(ledger, clock, clock::advance, false);
  }

  @Override
  protected void assertKeptFor(String key, Duration retention) {
    clock.advance(retention.minusMillis(1));
    assertTrue(ledger.find(key).isPresent());
    clock.advance(Duration.ofMillis(1));
    assertEquals(Optional.empty(), ledger.find(key));
  }
}
