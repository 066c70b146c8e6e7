package io.invoicebridge.invoice.validation;

import io.micronaut.json.tree.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A check of one JSON value against freee's schema for that field.
 *
 * <p>Returns the problem in words, or empty when the value is acceptable.
 */
@FunctionalInterface
interface FieldRule {

  Pattern DATE = Pattern.compile("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");

  Optional<String> check(JsonNode value);

  static FieldRule text(int minLength, int maxLength) {
    return value -> {
      if (!value.isString()) {
        return Optional.of("must be a string");
      }
      int length = value.getStringValue().codePointCount(0, value.getStringValue().length());
      if (length < minLength || length > maxLength) {
        return Optional.of("must be " + minLength + " to " + maxLength + " characters long");
      }
      return Optional.empty();
    };
  }

  static FieldRule matching(Pattern pattern, String expectation) {
    return value ->
        value.isString() && pattern.matcher(value.getStringValue()).matches()
            ? Optional.empty()
            : Optional.of(expectation);
  }

  static FieldRule date() {
    return value -> {
      if (!value.isString() || !DATE.matcher(value.getStringValue()).matches()) {
        return Optional.of("must be a date written YYYY-MM-DD");
      }
      try {
        LocalDate.parse(value.getStringValue());
        return Optional.empty();
      } catch (DateTimeParseException e) {
        return Optional.of("is not a real calendar date");
      }
    };
  }

  static FieldRule oneOf(Set<String> allowed) {
    String expectation = "must be one of " + String.join(", ", allowed.stream().sorted().toList());
    return value ->
        value.isString() && allowed.contains(value.getStringValue())
            ? Optional.empty()
            : Optional.of(expectation);
  }

  static FieldRule integer(long min, long max) {
    String whole = "must be a whole number";
    return number(
        BigDecimal.valueOf(min),
        BigDecimal.valueOf(max),
        whole,
        whole + " from " + min + " to " + max,
        number -> isWhole(number) ? Optional.empty() : Optional.of(whole));
  }

  static FieldRule decimal(BigDecimal min, BigDecimal max, int maxScale) {
    return number(
        min,
        max,
        "must be a number",
        "must be a number from " + min.toPlainString() + " to " + max.toPlainString(),
        number ->
            number.stripTrailingZeros().scale() > maxScale
                ? Optional.of("may have at most " + maxScale + " decimal places")
                : Optional.empty());
  }

  static FieldRule numberOneOf(Set<Integer> allowed) {
    String expectation =
        "must be one of " + allowed.stream().sorted().map(String::valueOf).toList();
    Set<BigDecimal> exactly =
        allowed.stream().map(BigDecimal::valueOf).collect(Collectors.toUnmodifiableSet());
    return value ->
        value.isNumber()
                && exact(value)
                    .filter(number -> exactly.stream().anyMatch(a -> a.compareTo(number) == 0))
                    .isPresent()
            ? Optional.empty()
            : Optional.of(expectation);
  }

  static FieldRule bool() {
    return value -> value.isBoolean() ? Optional.empty() : Optional.of("must be true or false");
  }

  static FieldRule integerList(int maxItems) {
    FieldRule element = integer(1, Integer.MAX_VALUE);
    return value -> {
      if (!value.isArray() || value.size() > maxItems) {
        return Optional.of("must be a list of at most " + maxItems + " ids");
      }
      for (JsonNode item : value.values()) {
        if (element.check(item).isPresent()) {
          return Optional.of("must hold only positive whole numbers");
        }
      }
      return Optional.empty();
    };
  }

  /**
   * A JSON number from {@code min} to {@code max} that then passes {@code kind}: {@code notANumber}
   * for any other JSON value, {@code outOfRange} for a number outside the range (or beyond a
   * double's).
   */
  private static FieldRule number(
      BigDecimal min,
      BigDecimal max,
      String notANumber,
      String outOfRange,
      Function<BigDecimal, Optional<String>> kind) {
    return value -> {
      if (!value.isNumber()) {
        return Optional.of(notANumber);
      }
      Optional<BigDecimal> number = exact(value);
      if (number.isEmpty() || number.get().compareTo(min) < 0 || number.get().compareTo(max) > 0) {
        return Optional.of(outOfRange);
      }
      return kind.apply(number.get());
    };
  }

  /**
   * The number exactly as read; empty when it is not finite (a JSON number beyond a double's range,
   * such as {@code 1e400}, is read as infinity).
   */
  private static Optional<BigDecimal> exact(JsonNode value) {
    Number number = value.getNumberValue();
    if ((number instanceof Double d && !Double.isFinite(d))
        || (number instanceof Float f && !Float.isFinite(f))) {
      return Optional.empty();
    }
    return Optional.of(new BigDecimal(number.toString()));
  }

  private static boolean isWhole(BigDecimal number) {
    return number.signum() == 0 || number.stripTrailingZeros().scale() <= 0;
  }
}
