package io.invoicebridge.terraform;

import java.time.LocalDateTime;
import java.util.BitSet;
import java.util.Locale;
import java.util.Map;

/**
 * A cron expression as a cloud reads it, to test which local minutes it fires on: AWS's {@code
 * cron(min hour dom month dow year)} (days of the week 1 = Sunday, one of dom and dow must be
 * {@code ?}) or unix cron {@code min hour dom month dow} (0 and 7 = Sunday; both days restricted
 * means either matches). Supports numbers, names, ranges, lists, {@code *} and {@code ?}.
 */
record Cron(
    BitSet minutes,
    BitSet hours,
    BitSet daysOfMonth,
    BitSet months,
    BitSet isoDaysOfWeek,
    boolean dayOfMonthRestricted,
    boolean dayOfWeekRestricted) {

  private static final Map<String, Integer> MONTHS =
      Map.ofEntries(
          Map.entry("JAN", 1),
          Map.entry("FEB", 2),
          Map.entry("MAR", 3),
          Map.entry("APR", 4),
          Map.entry("MAY", 5),
          Map.entry("JUN", 6),
          Map.entry("JUL", 7),
          Map.entry("AUG", 8),
          Map.entry("SEP", 9),
          Map.entry("OCT", 10),
          Map.entry("NOV", 11),
          Map.entry("DEC", 12));

  /** Names as both AWS and unix cron take them, mapped to unix numbers (0 = Sunday). */
  private static final Map<String, Integer> DAYS =
      Map.of("SUN", 0, "MON", 1, "TUE", 2, "WED", 3, "THU", 4, "FRI", 5, "SAT", 6);

  /** Parses AWS's {@code cron(...)} form, as Application Auto Scaling schedules take it. */
  static Cron aws(String expression) {
    if (!expression.startsWith("cron(") || !expression.endsWith(")")) {
      throw new IllegalArgumentException("not an AWS cron(...) expression: " + expression);
    }
    String[] f = expression.substring(5, expression.length() - 1).trim().split("\\s+");
    if (f.length != 6) {
      throw new IllegalArgumentException("AWS cron needs 6 fields: " + expression);
    }
    if (!f[5].equals("*")) {
      throw new IllegalArgumentException(
          "a recurring schedule must leave the year *: " + expression);
    }
    if (f[2].equals("?") == f[4].equals("?")) {
      throw new IllegalArgumentException(
          "AWS cron needs exactly one of day-of-month and day-of-week as ?: " + expression);
    }
    // AWS numbers days of the week 1 (Sunday) to 7 (Saturday).
    BitSet awsDays = field(f[4], 1, 7, DAYS, 1);
    return build(f, awsDays, 1);
  }

  /** Parses a unix cron expression, as Cloud Scheduler takes it. */
  static Cron unix(String expression) {
    String[] f = expression.trim().split("\\s+");
    if (f.length != 5) {
      throw new IllegalArgumentException("unix cron needs 5 fields: " + expression);
    }
    if (f[2].equals("?") || f[4].equals("?")) {
      throw new IllegalArgumentException("unix cron has no ?: " + expression);
    }
    return build(f, field(f[4], 0, 7, DAYS, 0), 0);
  }

  private static Cron build(String[] f, BitSet cloudDays, int sundayNumber) {
    BitSet iso = new BitSet(8);
    cloudDays.stream()
        .forEach(
            d -> {
              int fromSunday = d - sundayNumber;
              iso.set(fromSunday % 7 == 0 ? 7 : fromSunday % 7);
            });
    return new Cron(
        field(f[0], 0, 59, Map.of(), 0),
        field(f[1], 0, 23, Map.of(), 0),
        field(f[2], 1, 31, Map.of(), 0),
        field(f[3], 1, 12, MONTHS, 0),
        iso,
        !(f[2].equals("*") || f[2].equals("?")),
        !(f[4].equals("*") || f[4].equals("?")));
  }

  /** Whether the expression fires at this local minute. */
  boolean firesAt(LocalDateTime t) {
    boolean dom = daysOfMonth.get(t.getDayOfMonth());
    boolean dow = isoDaysOfWeek.get(t.getDayOfWeek().getValue());
    boolean day =
        dayOfMonthRestricted && dayOfWeekRestricted
            ? dom || dow
            : (!dayOfMonthRestricted || dom) && (!dayOfWeekRestricted || dow);
    return minutes.get(t.getMinute())
        && hours.get(t.getHour())
        && months.get(t.getMonthValue())
        && day;
  }

  private static BitSet field(
      String text, int min, int max, Map<String, Integer> names, int shift) {
    BitSet bits = new BitSet(max + 1);
    if (text.equals("*") || text.equals("?")) {
      bits.set(min, max + 1);
      return bits;
    }
    for (String part : text.split(",")) {
      String[] range = part.split("-");
      if (range.length > 2) {
        throw new IllegalArgumentException("bad cron range: " + part);
      }
      int from = value(range[0], min, max, names, shift);
      int to = range.length == 2 ? value(range[1], min, max, names, shift) : from;
      if (to < from) {
        throw new IllegalArgumentException("descending cron range: " + part);
      }
      bits.set(from, to + 1);
    }
    return bits;
  }

  private static int value(String token, int min, int max, Map<String, Integer> names, int shift) {
    Integer named = names.get(token.toUpperCase(Locale.ROOT));
    int v = named != null ? named + shift : Integer.parseInt(token);
    if (v < min || v > max) {
      throw new IllegalArgumentException(token + " is outside " + min + "-" + max);
    }
    return v;
  }
}
