package io.invoicebridge.testing;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The faults a test can switch on in the fake freee; each counted fault applies to the next N
 * calls.
 */
final class FakeFaults {

  volatile Duration latency = Duration.ZERO;
  volatile Duration slowAnswer = Duration.ZERO;
  volatile FakeFreee.TokenFault tokenFault = FakeFreee.TokenFault.UNAVAILABLE;
  final AtomicInteger unavailableBeforeCreate = new AtomicInteger();
  final AtomicInteger dropAfterCreate = new AtomicInteger();
  final AtomicInteger slowAfterCreate = new AtomicInteger();
  final AtomicInteger tokenFaults = new AtomicInteger();

  /** Uses up one of {@code counter}'s faults; false when none is left. */
  static boolean take(AtomicInteger counter) {
    return counter.getAndUpdate(left -> left > 0 ? left - 1 : 0) > 0;
  }
}
