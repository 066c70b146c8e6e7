package io.invoicebridge.config;

import io.invoicebridge.config.SettingConstraint.Flag;
import io.invoicebridge.config.SettingConstraint.OneOf;
import io.invoicebridge.config.SettingConstraint.Text;
import io.invoicebridge.config.SettingConstraint.Url;
import io.invoicebridge.config.SettingConstraint.WholeNumber;
import io.invoicebridge.config.SettingRule.Requirement;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every operator setting and its rule, stated once. {@link ConfigValidator} applies them at
 * startup; Terraform's app-config module must state the same (terraform-checks reads its
 * validations and runs the boundary values of this table through both).
 */
public final class SettingRules {

  public static final SettingRule RUN_TOKEN =
      new SettingRule("RUN_TOKEN", Requirement.REQUIRED, new Text(RunToken.MIN_LENGTH), null);

  /**
   * The run token before the current one, still accepted while callers move over to RUN_TOKEN
   * (docs/security.md, "Rotating the run token"); the stacks set RUN_TOKEN itself when none is
   * given.
   */
  public static final SettingRule RUN_TOKEN_PREVIOUS =
      new SettingRule(
          "RUN_TOKEN_PREVIOUS", Requirement.OPTIONAL, new Text(RunToken.MIN_LENGTH), null);

  public static final SettingRule FREEE_CLIENT_ID = credential("FREEE_CLIENT_ID");
  public static final SettingRule FREEE_CLIENT_SECRET = credential("FREEE_CLIENT_SECRET");
  public static final SettingRule FREEE_REFRESH_TOKEN = credential("FREEE_REFRESH_TOKEN");

  /** freee's company ids are positive; freee sets no ceiling we could rely on. */
  public static final SettingRule FREEE_COMPANY_ID =
      new SettingRule(
          "FREEE_COMPANY_ID",
          Requirement.REQUIRED_UNLESS_DRY_RUN,
          new WholeNumber(1, Long.MAX_VALUE),
          null);

  public static final SettingRule FREEE_DRY_RUN = flag("FREEE_DRY_RUN");
  public static final SettingRule ENABLE_STRUCTURED_LOGGING = flag("ENABLE_STRUCTURED_LOGGING");

  public static final SettingRule REDIS_URL =
      new SettingRule(
          "REDIS_URL",
          Requirement.OPTIONAL,
          new Url(
              List.of("redis", "rediss"), List.of("rediss"), "rediss://default:PASSWORD@HOST:PORT"),
          null);

  /**
   * The keys that seal freee's tokens in Redis (AES-256-GCM); the first seals, every one opens, so
   * a new key goes first and the old one stays behind it until the record was sealed again.
   */
  public static final SettingRule TOKEN_ENCRYPTION_KEYS =
      new SettingRule(
          "TOKEN_ENCRYPTION_KEYS",
          Requirement.REQUIRED_WITH_REDIS,
          new SettingConstraint.AesKeys(),
          null);

  public static final SettingRule FREEE_API_BASE_URL =
      httpUrl("FREEE_API_BASE_URL", "https://api.freee.co.jp");
  public static final SettingRule FREEE_TOKEN_URL =
      httpUrl("FREEE_TOKEN_URL", "https://accounts.secure.freee.co.jp/public_api/token");

  /**
   * freee allows 30 a minute. The ceiling, 100 a second, still lets tests and benchmarks against a
   * fake freee run practically unpaced while catching a mistyped value.
   */
  public static final SettingRule RATE_LIMIT_PER_MINUTE =
      number("RATE_LIMIT_PER_MINUTE", 60, 6_000);

  /** freee allows 1,500 an hour; the ceiling is the minute's ceiling for a whole hour. */
  public static final SettingRule RATE_LIMIT_PER_HOUR =
      number("RATE_LIMIT_PER_HOUR", 1_500, 360_000);

  /** freee allows 3,000 to 10,000 a day by plan; the ceiling is the hour's for a whole day. */
  public static final SettingRule RATE_LIMIT_PER_DAY =
      number("RATE_LIMIT_PER_DAY", 3_000, 8_640_000);

  /**
   * The share of the hour's and the day's budget, in percent, that asynchronous batches leave to
   * interactive requests, so a person's invoice is not queued behind a back-office batch. At 10 an
   * asynchronous batch still has 1,320 of freee's 1,500 an hour; at most half can be kept.
   */
  public static final SettingRule RATE_LIMIT_INTERACTIVE_SHARE_PERCENT =
      new SettingRule(
          "RATE_LIMIT_INTERACTIVE_SHARE_PERCENT",
          Requirement.OPTIONAL,
          new WholeNumber(0, 50),
          "10");

  /** At 30 calls a minute 2 suffice; more only multiplies a burst of 429s. */
  public static final SettingRule CONCURRENT_FREEE_CALLS = number("CONCURRENT_FREEE_CALLS", 2, 16);

  /** Backoff doubles from 0.5 s, capped at 20 s: 10 tries already wait up to about 90 s. */
  public static final SettingRule RETRY_MAX_ATTEMPTS = number("RETRY_MAX_ATTEMPTS", 5, 10);

  /**
   * At least 2 s, room for one freee call; at most the longest front door (Cloud Functions, 60 min)
   * less the 5 s Terraform keeps for the function to answer. Terraform also checks it against the
   * chosen front door, which the app cannot know.
   */
  public static final SettingRule REQUEST_TIMEOUT_MS =
      new SettingRule(
          "REQUEST_TIMEOUT_MS", Requirement.OPTIONAL, new WholeNumber(2_000, 3_595_000), "30000");

  /** 1,000 items stay far below the 6 MB request cap of every front door. */
  public static final SettingRule MAX_BATCH_SIZE = number("MAX_BATCH_SIZE", 500, 1_000);

  public static final SettingRule DEFAULT_TAX_ENTRY_METHOD =
      oneOf("DEFAULT_TAX_ENTRY_METHOD", "in", "out");
  public static final SettingRule DEFAULT_TAX_FRACTION =
      oneOf("DEFAULT_TAX_FRACTION", "omit", "round_up", "round");
  public static final SettingRule DEFAULT_WITHHOLDING_TAX_ENTRY_METHOD =
      oneOf("DEFAULT_WITHHOLDING_TAX_ENTRY_METHOD", "in", "out");

  /** freee's three titles; the full-width spelling of (空白) is accepted as items accept it. */
  public static final SettingRule DEFAULT_PARTNER_TITLE =
      oneOf("DEFAULT_PARTNER_TITLE", "御中", "様", "(空白)", "（空白）");

  /** The whole table, in the order of the settings table in docs/configuration.md. */
  public static final List<SettingRule> ALL =
      List.of(
          RUN_TOKEN,
          RUN_TOKEN_PREVIOUS,
          FREEE_CLIENT_ID,
          FREEE_CLIENT_SECRET,
          FREEE_REFRESH_TOKEN,
          FREEE_COMPANY_ID,
          FREEE_DRY_RUN,
          REDIS_URL,
          TOKEN_ENCRYPTION_KEYS,
          RATE_LIMIT_PER_MINUTE,
          RATE_LIMIT_PER_HOUR,
          RATE_LIMIT_PER_DAY,
          RATE_LIMIT_INTERACTIVE_SHARE_PERCENT,
          CONCURRENT_FREEE_CALLS,
          RETRY_MAX_ATTEMPTS,
          REQUEST_TIMEOUT_MS,
          MAX_BATCH_SIZE,
          ENABLE_STRUCTURED_LOGGING,
          FREEE_API_BASE_URL,
          FREEE_TOKEN_URL,
          DEFAULT_TAX_ENTRY_METHOD,
          DEFAULT_TAX_FRACTION,
          DEFAULT_WITHHOLDING_TAX_ENTRY_METHOD,
          DEFAULT_PARTNER_TITLE);

  /**
   * Failed attempts at one queued item of an asynchronous batch before it is given up; a hundred is
   * far past any useful backoff.
   */
  public static final SettingRule BATCH_MAX_ATTEMPTS = number("BATCH_MAX_ATTEMPTS", 5, 100);

  /** The HMAC key of batch callbacks; optional for the app (callbacks are then refused). */
  public static final SettingRule BATCH_CALLBACK_SECRET =
      new SettingRule("BATCH_CALLBACK_SECRET", Requirement.OPTIONAL, new Text(32), null);

  /**
   * The one port batch callbacks may go to: HTTPS's own unless the operator's receivers listen on
   * another. Any port would let a caller aim the bridge at a service on an odd port of a public
   * host.
   */
  public static final SettingRule BATCH_CALLBACK_PORT =
      new SettingRule(
          "BATCH_CALLBACK_PORT", Requirement.OPTIONAL, new WholeNumber(1, 65_535), "443");

  /**
   * The asynchronous batches' settings with a rule of this table (bound under {@code
   * bridge.batches}, checked by {@code QueuedBatchSettings}). {@code BATCH_CALLBACK_HOSTS} is a
   * list in Terraform and has its own rule there; the queue's kind and addresses are set by each
   * cloud module, never by an operator.
   */
  public static final List<SettingRule> BATCHES =
      List.of(BATCH_MAX_ATTEMPTS, BATCH_CALLBACK_SECRET, BATCH_CALLBACK_PORT);

  /** Every rule an operator's setting meets: {@link #ALL} and {@link #BATCHES}. */
  public static final List<SettingRule> EVERY =
      java.util.stream.Stream.concat(ALL.stream(), BATCHES.stream()).toList();

  /** The table by environment variable. */
  public static final Map<String, SettingRule> BY_VARIABLE =
      ALL.stream()
          .collect(Collectors.toUnmodifiableMap(SettingRule::variable, Function.identity()));

  private SettingRules() {}

  private static SettingRule credential(String variable) {
    return new SettingRule(variable, Requirement.REQUIRED_UNLESS_DRY_RUN, new Text(1), null);
  }

  private static SettingRule flag(String variable) {
    return new SettingRule(variable, Requirement.OPTIONAL, new Flag(), "false");
  }

  private static SettingRule httpUrl(String variable, String defaultValue) {
    return new SettingRule(
        variable,
        Requirement.OPTIONAL,
        new Url(List.of("https", "http"), List.of("https"), defaultValue),
        defaultValue);
  }

  private static SettingRule number(String variable, int defaultValue, int max) {
    return new SettingRule(
        variable, Requirement.OPTIONAL, new WholeNumber(1, max), Integer.toString(defaultValue));
  }

  private static SettingRule oneOf(String variable, String... values) {
    return new SettingRule(variable, Requirement.OPTIONAL, new OneOf(List.of(values)), null);
  }
}
