package io.invoicebridge.timing;

import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * How long a freee create takes, learnt from the calls this instance made (an exponentially
 * weighted moving average). A create is started only when the deadline leaves room for a slow one:
 * a call cut off by the deadline is uncertain, and an uncertain key stays claimed until its claim
 * expires, so it is cheaper not to start it.
 */
@Singleton
public class CallDurationEstimate {

  private static final Duration INITIAL = Duration.ofMillis(500);
  private static final Duration FLOOR = Duration.ofMillis(200);
  private static final Duration CEILING = Duration.ofSeconds(30);
  private static final double WEIGHT_OF_NEWEST = 0.2;

  private double averageMillis = INITIAL.toMillis();

  public synchronized void record(Duration took) {
    averageMillis = WEIGHT_OF_NEWEST * took.toMillis() + (1 - WEIGHT_OF_NEWEST) * averageMillis;
  }

  /** Room a create should have before the deadline: twice the average, within floor and ceiling. */
  public synchronized Duration roomForOneCall() {
    Duration room = Duration.ofMillis((long) (2 * averageMillis));
    if (room.compareTo(FLOOR) < 0) {
      return FLOOR;
    }
    return room.compareTo(CEILING) > 0 ? CEILING : room;
  }
}
