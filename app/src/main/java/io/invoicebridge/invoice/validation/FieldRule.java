package io.invoicebridge.invoice.validation;

import io.micronaut.json.tree.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

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
    return value -> {
      if (!value.isNumber() || !isWhole(value)) {
        return Optional.of("must be a whole number");
      }
      BigDecimal number = new BigDecimal(value.getNumberValue().toString());
      return number.compareTo(BigDecimal.valueOf(min)) < 0
              || number.compareTo(BigDecimal.valueOf(max)) > 0
          ? Optional.of("must be from " + min + " to " + max)
          : Optional.empty();
    };
  }

  static FieldRule decimal(BigDecimal min, BigDecimal max, int maxScale) {
    return value -> {
      if (!value.isNumber()) {
        return Optional.of("must be a number");
      }
      BigDecimal number = new BigDecimal(value.getNumberValue().toString());
      if (number.compareTo(min) < 0 || number.compareTo(max) > 0) {
        return Optional.of("must be from " + min.toPlainString() + " to " + max.toPlainString());
      }
      return number.stripTrailingZeros().scale() > maxScale
          ? Optional.of("may have at most " + maxScale + " decimal places")
          : Optional.empty();
    };
  }

  static FieldRule numberOneOf(Set<Integer> allowed) {
    String expectation =
        "must be one of " + allowed.stream().sorted().map(String::valueOf).toList();
    return value ->
        value.isNumber() && isWhole(value) && allowed.contains(value.getNumberValue().intValue())
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

  private static boolean isWhole(JsonNode value) {
    try {
      new BigDecimal(value.getNumberValue().toString()).toBigIntegerExact();
      return true;
    } catch (ArithmeticException e) {
      return false;
    }
  }
}
