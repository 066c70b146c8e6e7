package io.invoicebridge.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The schedule as the product owner states it, restated independently of the module: the period of
 * a local hour, and the module's own period blocks to compare with.
 */
record DeclaredSchedule(
    int businessStartHour,
    int businessEndHour,
    int monthEndFromDay,
    int monthEndThroughDay,
    int maxInstances,
    JsonNode minInstances,
    JsonNode periodBlocks) {

  static DeclaredSchedule of(JsonNode module) {
    JsonNode s = module.path("schedule");
    return new DeclaredSchedule(
        s.path("business_start_hour").asInt(),
        s.path("business_end_hour").asInt(),
        s.path("month_end_from_day").asInt(),
        s.path("month_end_through_day").asInt(),
        s.path("max_instances").asInt(),
        module.path("min_instances"),
        module.path("periods"));
  }

  /**
   * Month-end: every hour from month_end_from_day to the month's end and of days 1 to
   * month_end_through_day; else business hours on Monday to Friday; else night and weekend.
   */
  String periodAt(LocalDateTime t) {
    int day = t.getDayOfMonth();
    if (day >= monthEndFromDay || day <= monthEndThroughDay) {
      return "month_end";
    }
    boolean weekday = t.getDayOfWeek().getValue() <= 5;
    if (weekday && t.getHour() >= businessStartHour && t.getHour() < businessEndHour) {
      return "business_hours";
    }
    return "night_and_weekend";
  }

  int minimumAt(LocalDateTime t) {
    return minInstances.path(periodAt(t)).asInt();
  }

  /** The periods whose blocks in the module's output contain this hour. */
  List<String> moduleBlocksContaining(LocalDateTime t) {
    List<String> periods = new ArrayList<>();
    periodBlocks
        .fields()
        .forEachRemaining(
            period -> {
              for (JsonNode block : period.getValue()) {
                if (contains(block.path("days_of_month"), t.getDayOfMonth())
                    && contains(block.path("days_of_week"), t.getDayOfWeek().getValue())
                    && contains(block.path("hours"), t.getHour())) {
                  periods.add(period.getKey());
                }
              }
            });
    return periods;
  }

  private static boolean contains(JsonNode values, int value) {
    for (JsonNode v : values) {
      if (v.asInt() == value) {
        return true;
      }
    }
    return false;
  }
}
