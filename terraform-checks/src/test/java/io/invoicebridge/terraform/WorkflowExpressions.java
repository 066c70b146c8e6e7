package io.invoicebridge.terraform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GitHub Actions expressions ({@code ${{ }}}) as the runner evaluates them, for the forms the
 * workflows use: context properties ({@code needs.build.outputs.version}; names may hold hyphens
 * and are matched ignoring case), string, number, boolean and null literals, {@code == != ! && ||}
 * (loose equality, strings ignoring case; {@code &&} and {@code ||} give an operand, not a
 * boolean), parentheses, and the status functions over {@code job.status}. Any other form fails the
 * test, so support for it is added here on purpose.
 */
final class WorkflowExpressions {

  private static final Pattern EMBEDDED = Pattern.compile("\\$\\{\\{(.*?)}}", Pattern.DOTALL);
  private static final Pattern TOKEN =
      Pattern.compile(
          "\\s*(?:('(?:[^']|'')*')|(-?\\d+(?:\\.\\d+)?)|([A-Za-z_][A-Za-z0-9_-]*)|(==|!=|&&|\\|\\||[!().]))");
  private static final List<String> STATUS_FUNCTIONS =
      List.of("success(", "failure(", "always(", "cancelled(");

  private final List<String> tokens = new ArrayList<>();
  private final Map<String, Object> contexts;
  private int next;

  private WorkflowExpressions(String expression, Map<String, Object> contexts) {
    this.contexts = contexts;
    Matcher m = TOKEN.matcher(expression);
    int at = 0;
    while (at < expression.length() && !expression.substring(at).isBlank()) {
      if (!m.find(at) || m.start() != at) {
        throw new IllegalArgumentException("unsupported expression: " + expression);
      }
      tokens.add(m.group().strip());
      at = m.end();
    }
  }

  /** The value of one expression (without {@code ${{ }}}). */
  static Object evaluate(String expression, Map<String, Object> contexts) {
    WorkflowExpressions parser = new WorkflowExpressions(expression, contexts);
    Object value = parser.or();
    if (parser.next != parser.tokens.size()) {
      throw new IllegalArgumentException("unsupported expression: " + expression);
    }
    return value;
  }

  /**
   * An {@code if:}: wrapped in {@code ${{ }}} or not, and implicitly {@code success() && (...)}
   * unless it calls a status function itself.
   */
  static boolean condition(String expression, Map<String, Object> contexts) {
    String bare = expression.strip();
    Matcher whole = EMBEDDED.matcher(bare);
    if (whole.matches()) {
      bare = whole.group(1);
    }
    String finalBare = bare;
    boolean statusChecked = STATUS_FUNCTIONS.stream().anyMatch(finalBare::contains);
    return truthy(evaluate(statusChecked ? bare : "success() && (" + bare + ")", contexts));
  }

  /**
   * A value as the runner passes it on: text with each {@code ${{ }}} replaced by its string form;
   * a value that is one expression alone keeps its type (a boolean input stays a boolean).
   */
  static Object value(String text, Map<String, Object> contexts) {
    Matcher whole = EMBEDDED.matcher(text.strip());
    if (whole.matches()) {
      return evaluate(whole.group(1), contexts);
    }
    return interpolate(text, contexts);
  }

  static String interpolate(String text, Map<String, Object> contexts) {
    Matcher m = EMBEDDED.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(text(evaluate(m.group(1), contexts))));
    }
    m.appendTail(out);
    return out.toString();
  }

  static String text(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Double d && d == Math.rint(d)) {
      return String.valueOf(d.longValue());
    }
    return value.toString();
  }

  static boolean truthy(Object value) {
    return switch (value) {
      case null -> false;
      case Boolean b -> b;
      case Double d -> d != 0 && !d.isNaN();
      case String s -> !s.isEmpty();
      default -> true;
    };
  }

  private Object or() {
    return leftAssociative("||", this::and, (left, right) -> truthy(left) ? left : right);
  }

  private Object and() {
    return leftAssociative("&&", this::equality, (left, right) -> truthy(left) ? right : left);
  }

  /** Operands joined by {@code operator}, each combined with the value so far, left to right. */
  private Object leftAssociative(
      String operator, Supplier<Object> operand, BinaryOperator<Object> combine) {
    Object left = operand.get();
    while (accept(operator)) {
      left = combine.apply(left, operand.get());
    }
    return left;
  }

  private Object equality() {
    Object left = unary();
    while (peek("==") || peek("!=")) {
      boolean equal = tokens.get(next++).equals("==");
      left = equal == looselyEqual(left, unary());
    }
    return left;
  }

  private Object unary() {
    return accept("!") ? !truthy(unary()) : primary();
  }

  private Object primary() {
    String token = take();
    if (token.equals("(")) {
      Object value = or();
      expect(")");
      return value;
    }
    if (token.startsWith("'")) {
      return token.substring(1, token.length() - 1).replace("''", "'");
    }
    if (Character.isDigit(token.charAt(0)) || token.startsWith("-")) {
      return Double.valueOf(token);
    }
    return switch (token) {
      case "true" -> true;
      case "false" -> false;
      case "null" -> null;
      default -> accept("(") ? call(token) : property(token);
    };
  }

  private Object call(String function) {
    expect(")");
    String status = text(property("job") instanceof Map<?, ?> job ? job.get("status") : null);
    return switch (function) {
      case "success" -> status.equals("success");
      case "failure" -> status.equals("failure");
      case "always" -> true;
      case "cancelled" -> false;
      default -> throw new IllegalArgumentException("unsupported function: " + function + "()");
    };
  }

  private Object property(String name) {
    Object value = lookup(contexts, name);
    while (accept(".")) {
      value = lookup(value, take());
    }
    return value;
  }

  private static Object lookup(Object object, String name) {
    if (!(object instanceof Map<?, ?> map)) {
      return null;
    }
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (entry.getKey().toString().equalsIgnoreCase(name)) {
        return entry.getValue();
      }
    }
    return null;
  }

  private static boolean looselyEqual(Object left, Object right) {
    if (left instanceof String a && right instanceof String b) {
      return a.equalsIgnoreCase(b);
    }
    if (left == null && right == null) {
      return true;
    }
    return number(left) == number(right);
  }

  private static double number(Object value) {
    return switch (value) {
      case null -> 0;
      case Boolean b -> b ? 1 : 0;
      case Double d -> d;
      case String s when s.isBlank() -> 0;
      case String s -> parse(s.strip());
      default -> Double.NaN;
    };
  }

  private static double parse(String text) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private boolean peek(String token) {
    return next < tokens.size() && tokens.get(next).equals(token);
  }

  private boolean accept(String token) {
    if (peek(token)) {
      next++;
      return true;
    }
    return false;
  }

  private void expect(String token) {
    if (!accept(token)) {
      throw new IllegalArgumentException("expected " + token + " in " + String.join(" ", tokens));
    }
  }

  private String take() {
    if (next >= tokens.size()) {
      throw new IllegalArgumentException("unfinished expression: " + String.join(" ", tokens));
    }
    return tokens.get(next++);
  }
}
