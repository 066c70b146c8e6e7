package io.invoicebridge.bench;

import java.time.Duration;
import java.time.Instant;

/**
 * The ideal a month-end run is measured against: calls at freee's own minute pace ({@code 60 s /
 * per-minute}, no margin) from {@code start}, plus the waits the hour's and the day's budgets force
 * (a spent budget waits for its window's reset, as freee's counts per clock window do). Windows are
 * aligned like the bridge's and the fake's, moved by the same phase.
 */
record QuotaIdeal(
    Duration pace, Duration hour, Duration day, Duration phase, int hourBudget, int dayBudget) {

  /**
   * When the {@code calls}-th call may start at the earliest, counted from an idle {@code start}.
   */
  Instant lastStart(Instant start, int calls) {
    Instant at = start;
    Instant hourEnd = periodEnd(start, hour);
    Instant dayEnd = periodEnd(start, day);
    int inHour = 0;
    int inDay = 0;
    for (int call = 1; call <= calls; call++) {
      if (call > 1) {
        at = at.plus(pace);
      }
      if (inHour >= hourBudget || inDay >= dayBudget) {
        at = inDay >= dayBudget ? dayEnd : hourEnd;
      }
      while (!at.isBefore(hourEnd)) {
        hourEnd = hourEnd.plus(hour);
        inHour = 0;
      }
      while (!at.isBefore(dayEnd)) {
        dayEnd = dayEnd.plus(day);
        inDay = 0;
      }
      inHour++;
      inDay++;
    }
    return at;
  }

  private Instant periodEnd(Instant at, Duration length) {
    long ms = at.toEpochMilli();
    long lengthMs = length.toMillis();
    return Instant.ofEpochMilli(ms - Math.floorMod(ms + phase.toMillis(), lengthMs) + lengthMs);
  }
}
