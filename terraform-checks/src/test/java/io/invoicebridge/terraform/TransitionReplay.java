package io.invoicebridge.terraform;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Replays scaling transitions minute by minute in local time: the warm minimum a cloud holds at
 * every minute is what the most recent transition left. A transition clamps the current minimum
 * into [floor, ceiling]: a set has floor = ceiling, a raise only a floor (Application Auto
 * Scaling's scheduled actions behave exactly so).
 */
final class TransitionReplay {

  /** Before any transition fired. */
  static final int UNKNOWN = -1;

  record Transition(String name, Predicate<LocalDateTime> firesAt, int floor, int ceiling) {
    int applyTo(int current) {
      return Math.min(Math.max(current, floor), ceiling);
    }
  }

  private TransitionReplay() {}

  /**
   * The minimum held at each minute from {@code from} (index 0) until {@code to}. Fails when two
   * transitions fire in the same minute with different results: their order is not defined.
   */
  static int[] replay(List<Transition> transitions, LocalDateTime from, LocalDateTime to) {
    int minutes = (int) Duration.between(from, to).toMinutes();
    int[] held = new int[minutes];
    int current = UNKNOWN;
    for (int i = 0; i < minutes; i++) {
      LocalDateTime t = from.plusMinutes(i);
      List<Transition> firing = new ArrayList<>();
      for (Transition transition : transitions) {
        if (transition.firesAt().test(t)) {
          firing.add(transition);
        }
      }
      current = next(current, firing, t);
      held[i] = current;
    }
    return held;
  }

  private static int next(int current, List<Transition> firing, LocalDateTime t) {
    if (firing.isEmpty()) {
      return current;
    }
    int result = firing.get(0).applyTo(current);
    for (Transition other : firing) {
      if (other.applyTo(current) != result) {
        throw new IllegalStateException(
            "transitions "
                + firing.stream().map(Transition::name).toList()
                + " fire together at "
                + t
                + " with different results; their order is not defined");
      }
    }
    return result;
  }
}
