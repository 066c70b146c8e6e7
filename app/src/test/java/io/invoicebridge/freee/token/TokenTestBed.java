package io.invoicebridge.freee.token;

import io.invoicebridge.metrics.OperationalEvent;
import io.invoicebridge.testing.FakeFreee;
import io.invoicebridge.testing.FreeeTestApp;
import io.invoicebridge.testing.MutableClock;
import io.invoicebridge.timing.Deadline;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fake freee, the real token endpoint bean, and one shared store and lock, so tests can build
 * several "instances" (providers) that share them the way Redis-backed instances would. Waiting for
 * the lock advances the clock instead of sleeping.
 */
final class TokenTestBed implements AutoCloseable {

  final FakeFreee fake = FakeFreee.start();
  final String seed = fake.issueRefreshToken();
  final ApplicationContext context = FreeeTestApp.start(fake, seed);
  final MutableClock clock = new MutableClock(Instant.now());
  final ObservedTokenStore store = new ObservedTokenStore();
  final TokenLock lock = new InMemoryTokenLock(clock);

  final List<OperationalEvent> events = new CopyOnWriteArrayList<>();

  AccessTokenProvider instance(String seedRefreshToken) {
    return new AccessTokenProvider(
        store,
        lock,
        context.getBean(FreeeTokenEndpoint.class),
        seedRefreshToken,
        clock,
        clock::advance,
        events::add);
  }

  AccessTokenProvider instance() {
    return instance(seed);
  }

  Deadline deadline() {
    return Deadline.in(Duration.ofSeconds(30), clock);
  }

  @Override
  public void close() {
    context.close();
    fake.close();
  }
}
