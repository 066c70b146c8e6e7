package io.invoicebridge.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a given value of a setting must look like. Each kind states its rule as one phrase that
 * completes "VARIABLE ..." and that Terraform's error message for the same variable repeats.
 */
public sealed interface SettingConstraint {

  /**
   * Whether the non-blank value follows the rule. Surrounding whitespace is ignored, except in
   * {@link Text}: a secret is used exactly as given.
   */
  boolean accepts(String value);

  /** The rule as a phrase, e.g. "must be a whole number from 1 to 600". */
  String rule();

  /**
   * Values at and just beyond the rule's edges, good and bad: another enforcer of the same rule
   * (Terraform's validations) must decide each of them alike. A blank value stands for "left out".
   */
  List<String> edges();

  /** {@code true} or {@code false}, in any case. */
  record Flag() implements SettingConstraint {
    @Override
    public boolean accepts(String value) {
      String lower = value.trim().toLowerCase(Locale.ROOT);
      return lower.equals("true") || lower.equals("false");
    }

    @Override
    public String rule() {
      return "must be true or false";
    }

    @Override
    public List<String> edges() {
      return List.of("true", "false", "TRUE", "yes");
    }
  }

  /** A whole number within {@code [min, max]}; {@code max} {@link Long#MAX_VALUE} = no ceiling. */
  record WholeNumber(long min, long max) implements SettingConstraint {
    @Override
    public boolean accepts(String value) {
      try {
        long parsed = Long.parseLong(value.trim());
        return parsed >= min && parsed <= max;
      } catch (NumberFormatException e) {
        return false;
      }
    }

    public boolean bounded() {
      return max != Long.MAX_VALUE;
    }

    @Override
    public String rule() {
      if (bounded()) {
        return "must be a whole number from " + min + " to " + max;
      }
      return min == 1
          ? "must be a positive whole number"
          : "must be a whole number of at least " + min;
    }

    @Override
    public List<String> edges() {
      List<String> edges = new ArrayList<>(List.of(min - 1 + "", min + "", min + ".5", "ten"));
      if (bounded()) {
        edges.addAll(List.of(max + "", max + 1 + ""));
      }
      return edges;
    }
  }

  /**
   * Free text (a secret) of at least {@code minLength} characters and no whitespace: space, tab,
   * line feed, vertical tab, form feed, carriage return (the POSIX class Terraform's regex uses).
   */
  record Text(int minLength) implements SettingConstraint {
    private static final String WHITESPACE = " \t\n\u000B\f\r";

    @Override
    public boolean accepts(String value) {
      return value.length() >= minLength
          && value.chars().noneMatch(c -> WHITESPACE.indexOf(c) >= 0);
    }

    @Override
    public String rule() {
      return minLength <= 1
          ? "must not be empty or contain whitespace"
          : "must be at least " + minLength + " characters long, without whitespace";
    }

    @Override
    public List<String> edges() {
      String enough = "k7Qx2".repeat(minLength).substring(0, minLength);
      return Stream.of(
              "",
              " ",
              enough.substring(1),
              enough,
              enough + "Z",
              enough.charAt(0) + " " + enough,
              enough + "\t",
              enough + "\n")
          .distinct()
          .toList();
    }
  }

  /**
   * An absolute URL with a host, one of {@code schemes}, and no trailing slash (the app appends
   * paths to it). A deployment talks across the internet, so Terraform allows only {@code
   * deployedSchemes}, the encrypted ones; the others serve local runs and tests.
   */
  record Url(List<String> schemes, List<String> deployedSchemes, String example)
      implements SettingConstraint {
    public Url {
      schemes = List.copyOf(schemes);
      deployedSchemes = List.copyOf(deployedSchemes);
    }

    @Override
    public boolean accepts(String value) {
      String url = value.trim();
      if (url.endsWith("/") || url.chars().anyMatch(Character::isWhitespace)) {
        return false;
      }
      try {
        URI parsed = new URI(url);
        return parsed.getScheme() != null
            && schemes.contains(parsed.getScheme())
            && parsed.getHost() != null;
      } catch (URISyntaxException e) {
        return false;
      }
    }

    @Override
    public String rule() {
      return "must be a "
          + String.join(" or ", schemes.stream().map(s -> s + "://").toList())
          + " URL with a host and no trailing slash, e.g. "
          + example;
    }

    @Override
    public List<String> edges() {
      List<String> edges = new ArrayList<>(List.of("host.example", "ftp://host.example"));
      for (String scheme : schemes) {
        String base = scheme + "://";
        edges.addAll(
            List.of(
                base + "host.example",
                base + "user:pass@host.example:6379",
                base + "host.example/path",
                base + "host.example/",
                base + "host.example/path/",
                base,
                base + "user:pass@",
                base + "host_name.example",
                base + "host.example:port",
                base + "host example"));
      }
      return edges;
    }
  }

  /**
   * One or more AES-256 keys separated by commas, each 32 bytes in canonical base64 (44 characters
   * ending in {@code =}, as {@code openssl rand -base64 32} or Terraform's {@code random_bytes}
   * write them); nothing else, not even whitespace: a key is a secret, used exactly as given.
   */
  record AesKeys() implements SettingConstraint {
    /** One key: 42 characters, one whose last 4 bits are zero, and the padding. */
    public static final String KEY = "[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=";

    /** The whole value; Terraform's validation uses this same pattern. */
    public static final String PATTERN = "^" + KEY + "(," + KEY + ")*$";

    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    @Override
    public boolean accepts(String value) {
      return COMPILED.matcher(value).matches();
    }

    @Override
    public String rule() {
      return "must be one or more keys separated by commas, each 32 random bytes in base64"
          + " (44 characters, e.g. from openssl rand -base64 32); the first encrypts";
    }

    @Override
    public List<String> edges() {
      String key = "k7Qx2+/A".repeat(6).substring(0, 43) + "=";
      String other = "Zp09" + key.substring(4);
      return List.of(
          "",
          key,
          key + "," + other,
          key + ",",
          key.substring(1),
          key.substring(0, 42) + "B=",
          key.replace("=", ""),
          " " + key,
          key + ", " + other,
          key.substring(0, 43) + "==");
    }
  }

  /** Exactly one of {@code values}. */
  record OneOf(List<String> values) implements SettingConstraint {
    public OneOf {
      values = List.copyOf(values);
    }

    @Override
    public boolean accepts(String value) {
      return values.contains(value.trim());
    }

    @Override
    public String rule() {
      return "must be one of " + String.join(", ", values);
    }

    @Override
    public List<String> edges() {
      List<String> edges = new ArrayList<>(values);
      edges.add("other");
      edges.add(values.getFirst().toUpperCase(Locale.ROOT));
      return edges;
    }
  }
}
