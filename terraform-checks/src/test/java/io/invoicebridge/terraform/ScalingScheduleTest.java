package io.invoicebridge.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.invoicebridge.terraform.TransitionReplay.Transition;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The one scaling schedule, as each cloud receives it from modules/scaling-schedule, replayed
 * minute by minute over January 2027 to March 2028: 28-, 29-, 30- and 31-day months, a year change,
 * months starting on every day of the week.
 */
class ScalingScheduleTest {

  /** The replay starts a month early so every cloud has seen each transition once. */
  private static final LocalDateTime REPLAY_FROM = LocalDateTime.of(2026, 12, 1, 0, 0);

  private static final LocalDateTime CHECK_FROM = LocalDateTime.of(2027, 1, 1, 0, 0);
  private static final LocalDateTime CHECK_TO = LocalDateTime.of(2028, 4, 1, 0, 0);

  /** Defaults, a month-end ending with the month, and the widest window the module allows. */
  private static final String DEFAULTS = "{}";

  private static final String SHORT_MONTH_END =
      "{ month_end_from_day = 26, month_end_through_day = 0, business_start_hour = 8,"
          + " business_end_hour = 20, night_and_weekend_min_instances = 1,"
          + " business_hours_min_instances = 3, month_end_min_instances = 6, max_instances = 12 }";
  private static final String WIDE_MONTH_END =
      "{ month_end_from_day = 15, month_end_through_day = 7, business_start_hour = 1,"
          + " business_end_hour = 23, month_end_min_instances = 2 }";

  /** A case run once for each schedule above, given as the module's variables. */
  @Target(ElementType.METHOD)
  @Retention(RetentionPolicy.RUNTIME)
  @ParameterizedTest
  @ValueSource(strings = {DEFAULTS, SHORT_MONTH_END, WIDE_MONTH_END})
  @interface EverySchedule {}

  @Test
  void scalingSchedule_terraformTestPasses() {
    assumeTerraform();

    OfflineTerraform.assertOwnTestsPass("scaling-schedule");
  }

  @EverySchedule
  void periods_holdEveryHourExactlyOnce(String schedule) {
    // given
    DeclaredSchedule declared = declared(schedule);

    // when / then
    for (LocalDateTime t = CHECK_FROM; t.isBefore(CHECK_TO); t = t.plusHours(1)) {
      List<String> periods = declared.moduleBlocksContaining(t);
      assertEquals(List.of(declared.periodAt(t)), periods, schedule + ": periods at " + t);
    }
  }

  @EverySchedule
  void awsScheduledActions_holdEachPeriodsMinimumAtEveryMinute(String schedule) {
    assertEachPeriodsMinimumHeld(schedule, ScalingScheduleTest::awsTransitions, "AWS");
  }

  @EverySchedule
  void azureSchedules_holdEachPeriodsMinimumAtEveryMinute(String schedule) {
    assertEachPeriodsMinimumHeld(schedule, ScalingScheduleTest::azureTransitions, "Azure");
  }

  /**
   * Cloud Scheduler can only set: on a month-end weekday, business-hours start sets the business
   * minimum and the job a minute later sets month-end again. That one minute is the only allowed
   * difference, and it never drops below the business minimum.
   */
  @EverySchedule
  void gcpSchedulerJobs_holdEachPeriodsMinimumButOneMinuteAtMonthEndWeekdayMornings(
      String schedule) {
    // given
    JsonNode module = assumeModule(schedule);
    DeclaredSchedule declared = DeclaredSchedule.of(module);
    int business = declared.minInstances().path("business_hours").asInt();

    // when
    int[] held = TransitionReplay.replay(gcpTransitions(module), REPLAY_FROM, CHECK_TO);

    // then
    List<Deviation> unexpected = new ArrayList<>();
    for (Deviation d : deviations(declared, held)) {
      boolean allowed =
          d.at().toLocalTime().equals(LocalTime.of(declared.businessStartHour(), 0))
              && d.at().getDayOfWeek().getValue() <= 5
              && d.period().equals("month_end")
              && d.held() == business;
      if (!allowed) {
        unexpected.add(d);
      }
    }
    assertNoDeviation(unexpected, schedule + ": GCP");
  }

  @EverySchedule
  void monthEnd_coversTheLastThreeDaysOfEveryMonth(String schedule) {
    // given
    JsonNode module = assumeModule(schedule);
    DeclaredSchedule declared = DeclaredSchedule.of(module);
    int[] held = TransitionReplay.replay(awsTransitions(module), REPLAY_FROM, CHECK_TO);
    int monthEnd = declared.minInstances().path("month_end").asInt();

    // when / then
    for (YearMonth month = YearMonth.from(CHECK_FROM);
        month.isBefore(YearMonth.from(CHECK_TO));
        month = month.plusMonths(1)) {
      LocalDate last = month.atEndOfMonth();
      for (LocalDateTime t = last.minusDays(2).atStartOfDay();
          t.isBefore(last.plusDays(1).atStartOfDay());
          t = t.plusHours(1)) {
        assertEquals(
            List.of("month_end"), declared.moduleBlocksContaining(t), schedule + " at " + t);
        assertEquals(monthEnd, held[index(t)], schedule + ": AWS minimum at " + t);
      }
    }
  }

  @EverySchedule
  void everyCloud_staysWithinTheMaximum(String schedule) {
    // given
    JsonNode module = assumeModule(schedule);
    int max = DeclaredSchedule.of(module).maxInstances();

    // when
    List<int[]> clouds =
        List.of(
            TransitionReplay.replay(awsTransitions(module), REPLAY_FROM, CHECK_TO),
            TransitionReplay.replay(gcpTransitions(module), REPLAY_FROM, CHECK_TO),
            TransitionReplay.replay(azureTransitions(module), REPLAY_FROM, CHECK_TO));

    // then
    for (int[] held : clouds) {
      for (int i = index(CHECK_FROM); i < held.length; i++) {
        assertTrue(held[i] <= max, schedule + ": minimum above the maximum at minute " + i);
      }
    }
    module.path("aws").forEach(a -> assertTrue(a.path("max_capacity").asInt() <= max));
  }

  /** Lists the first few minutes only: a broken schedule differs for thousands. */
  /** A minute whose held minimum is not its period's. */
  private record Deviation(LocalDateTime at, String period, int expected, int held) {
    @Override
    public String toString() {
      return at + " " + period + " expects " + expected + ", held " + held;
    }
  }

  /** Replays the cloud's transitions of {@code schedule} and finds no minute off its period. */
  private static void assertEachPeriodsMinimumHeld(
      String schedule, Function<JsonNode, List<Transition>> transitions, String cloud) {
    // given
    JsonNode module = assumeModule(schedule);
    DeclaredSchedule declared = DeclaredSchedule.of(module);

    // when
    int[] held = TransitionReplay.replay(transitions.apply(module), REPLAY_FROM, CHECK_TO);

    // then
    assertNoDeviation(deviations(declared, held), schedule + ": " + cloud);
  }

  private static void assertNoDeviation(List<Deviation> deviations, String what) {
    assertTrue(
        deviations.isEmpty(),
        what
            + ": "
            + deviations.size()
            + " minutes hold another minimum than their period's, e.g. "
            + deviations.subList(0, Math.min(5, deviations.size())));
  }

  private static List<Deviation> deviations(DeclaredSchedule declared, int[] held) {
    List<Deviation> deviations = new ArrayList<>();
    for (LocalDateTime t = CHECK_FROM; t.isBefore(CHECK_TO); t = t.plusMinutes(1)) {
      int expected = declared.minimumAt(t);
      int actual = held[index(t)];
      if (actual != expected) {
        deviations.add(new Deviation(t, declared.periodAt(t), expected, actual));
      }
    }
    return deviations;
  }

  private static List<Transition> awsTransitions(JsonNode module) {
    return transitions(
        module,
        "aws",
        (name, action) -> {
          Cron cron = Cron.aws(action.path("schedule").asText());
          return new Transition(
              name,
              cron::firesAt,
              action.path("min_capacity").asInt(),
              action.path("max_capacity").asInt());
        });
  }

  private static List<Transition> gcpTransitions(JsonNode module) {
    return transitions(
        module,
        "gcp",
        (name, job) -> {
          Cron cron = Cron.unix(job.path("schedule").asText());
          int n = job.path("min_instances").asInt();
          return new Transition(name, cron::firesAt, n, n);
        });
  }

  /** Azure Automation: "Month" on month_days or "Week" on week_days, at time_of_day. */
  private static List<Transition> azureTransitions(JsonNode module) {
    return transitions(
        module,
        "azure",
        (name, s) -> {
          LocalTime at = LocalTime.parse(s.path("time_of_day").asText());
          List<String> days = new ArrayList<>();
          boolean monthly = s.path("frequency").asText().equals("Month");
          s.path(monthly ? "month_days" : "week_days").forEach(d -> days.add(d.asText()));
          int n = s.path("instance_count").asInt();
          int ceiling = s.path("raise_only").asBoolean() ? Integer.MAX_VALUE : n;
          return new Transition(
              name,
              t ->
                  t.toLocalTime().equals(at)
                      && days.contains(monthly ? String.valueOf(t.getDayOfMonth()) : dayName(t)),
              n,
              ceiling);
        });
  }

  /** One transition for each entry of the module's output for {@code cloud}, in order. */
  private static List<Transition> transitions(
      JsonNode module, String cloud, BiFunction<String, JsonNode, Transition> transition) {
    List<Transition> transitions = new ArrayList<>();
    module
        .path(cloud)
        .fields()
        .forEachRemaining(e -> transitions.add(transition.apply(e.getKey(), e.getValue())));
    return transitions;
  }

  private static String dayName(LocalDateTime t) {
    DayOfWeek day = t.getDayOfWeek();
    return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
  }

  private static int index(LocalDateTime t) {
    return (int) Duration.between(REPLAY_FROM, t).toMinutes();
  }

  private static DeclaredSchedule declared(String schedule) {
    return DeclaredSchedule.of(assumeModule(schedule));
  }

  private static JsonNode assumeModule(String schedule) {
    assumeTerraform();
    return ScalingScheduleModule.evaluate(schedule);
  }

  private static void assumeTerraform() {
    assumeTrue(
        ExternalCommand.onPath("terraform"),
        "terraform is not on PATH: skipping the checks of modules/scaling-schedule");
  }
}
