package io.invoicebridge.testing;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

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

  /** Runs once, after the next successful rotation and before its answer leaves; then cleared. */
  final AtomicReference<Runnable> afterNextRotation = new AtomicReference<>();

  /** Uses up one of {@code counter}'s faults; false when none is left. */
  static boolean take(AtomicInteger counter) {
    return counter.getAndUpdate(left -> left > 0 ? left - 1 : 0) > 0;
  }
}
