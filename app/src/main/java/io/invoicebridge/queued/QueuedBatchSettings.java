package io.invoicebridge.queued;

import io.invoicebridge.config.ConfigurationInvalidException;
import io.invoicebridge.config.Redacted;
import io.invoicebridge.config.SettingRule;
import io.invoicebridge.config.SettingRules;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Settings of the asynchronous batches ({@code /v1/batches}), each bound from its environment
 * variable in {@code application.yml} and checked by the rules of {@link SettingRules}; every
 * broken rule is reported at once, in the one startup line of {@link
 * ConfigurationInvalidException}.
 *
 * @param queue where items wait: {@code local} (an in-process worker over Redis, or memory without
 *     Redis), or a cloud's own queue ({@code sqs}, {@code cloud-tasks}, {@code azure-queue}) whose
 *     adapter feeds the worker
 * @param callbackSecret the HMAC key of callback signatures; callbacks are refused without it
 * @param callbackHosts comma-separated host names callbacks may go to; blank means any public host
 * @param maxAttempts failed attempts of one item before it is given up as {@code failed} and
 *     dead-lettered (waits for a quota window or another owner do not count)
 * @param callbackAllowLoopback tests only (never documented as an operator setting): lets a
 *     callback go to plain HTTP on the loopback address, where the tests' receiver listens
 * @param callbackPort the one port callbacks may go to; blank means HTTPS's own, 443
 * @param queueUrl the cloud queue's URL (SQS queue, Cloud Tasks queue's REST URL, Storage queue)
 * @param deadLetterQueueUrl where the cloud queue's adapter dead-letters an item
 * @param workerUrl Cloud Tasks only: the function's own {@code /v1/batches/work}, which the tasks
 *     call (and the audience of their OIDC tokens)
 */
@Context
@ConfigurationProperties(QueuedBatchSettings.PREFIX)
public record QueuedBatchSettings(
    @Nullable String queue,
    @Nullable String callbackSecret,
    @Nullable String callbackHosts,
    @Nullable String maxAttempts,
    @Nullable Boolean callbackAllowLoopback,
    @Nullable String callbackPort,
    @Nullable String queueUrl,
    @Nullable String deadLetterQueueUrl,
    @Nullable String workerUrl) {

  public static final String PREFIX = "bridge.batches";
  public static final String LOCAL_QUEUE = "local";
  private static final String CLOUD_TASKS_QUEUE = "cloud-tasks";
  private static final Set<String> QUEUES =
      Set.of(LOCAL_QUEUE, "sqs", CLOUD_TASKS_QUEUE, "azure-queue");

  public QueuedBatchSettings {
    List<String> problems = new ArrayList<>();
    queue = queue == null || queue.isBlank() ? LOCAL_QUEUE : queue.trim().toLowerCase(Locale.ROOT);
    if (!QUEUES.contains(queue)) {
      problems.add("BATCH_QUEUE must be one of " + new TreeSet<>(QUEUES));
    }
    callbackSecret = callbackSecret == null || callbackSecret.isBlank() ? null : callbackSecret;
    if (callbackSecret != null) {
      SettingRules.BATCH_CALLBACK_SECRET.problemWith(callbackSecret).ifPresent(problems::add);
    }
    maxAttempts = orDefault(maxAttempts, SettingRules.BATCH_MAX_ATTEMPTS, problems);
    callbackAllowLoopback = Boolean.TRUE.equals(callbackAllowLoopback);
    callbackPort = orDefault(callbackPort, SettingRules.BATCH_CALLBACK_PORT, problems);
    queueUrl = blankAsNull(queueUrl);
    deadLetterQueueUrl = blankAsNull(deadLetterQueueUrl);
    workerUrl = blankAsNull(workerUrl);
    missingUrls(queue, queueUrl, deadLetterQueueUrl, workerUrl).ifPresent(problems::add);
    if (!problems.isEmpty()) {
      throw new ConfigurationInvalidException(problems);
    }
  }

  /** Failed attempts at one item before it is given up. */
  public int attempts() {
    return Integer.parseInt(maxAttempts);
  }

  /** The one port callbacks may go to. */
  public int callbackTargetPort() {
    return Integer.parseInt(callbackPort);
  }

  public boolean localQueue() {
    return LOCAL_QUEUE.equals(queue);
  }

  /** The URLs a cloud queue needs and are not set, as one problem; none for the local queue. */
  private static Optional<String> missingUrls(
      String queue,
      @Nullable String queueUrl,
      @Nullable String deadLetterQueueUrl,
      @Nullable String workerUrl) {
    if (!QUEUES.contains(queue) || LOCAL_QUEUE.equals(queue)) {
      return Optional.empty();
    }
    List<String> missing = new ArrayList<>();
    if (queueUrl == null) {
      missing.add("BATCH_QUEUE_URL");
    }
    if (deadLetterQueueUrl == null) {
      missing.add("BATCH_DEAD_LETTER_QUEUE_URL");
    }
    if (CLOUD_TASKS_QUEUE.equals(queue) && workerUrl == null) {
      missing.add("BATCH_WORKER_URL");
    }
    return missing.isEmpty()
        ? Optional.empty()
        : Optional.of("BATCH_QUEUE=" + queue + " needs " + String.join(", ", missing));
  }

  private static @Nullable String blankAsNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  /** The trimmed value, or the rule's default when blank; a broken rule is added to problems. */
  private static String orDefault(@Nullable String value, SettingRule rule, List<String> problems) {
    String given = value == null || value.isBlank() ? rule.defaultValue() : value.trim();
    rule.problemWith(given).ifPresent(problems::add);
    return given;
  }

  @Override
  public String toString() {
    return "QueuedBatchSettings[queue="
        + queue
        + ", callbackSecret="
        + Redacted.secret(callbackSecret)
        + ", callbackHosts="
        + callbackHosts
        + ", maxAttempts="
        + maxAttempts
        + ", callbackAllowLoopback="
        + callbackAllowLoopback
        + ", callbackPort="
        + callbackPort
        + ", queueUrl="
        + queueUrl
        + ", deadLetterQueueUrl="
        + deadLetterQueueUrl
        + ", workerUrl="
        + workerUrl
        + "]";
  }

  /** The operator's list of callback hosts, lower case; empty means any public host. */
  public Set<String> allowedCallbackHosts() {
    if (callbackHosts == null) {
      return Set.of();
    }
    return Arrays.stream(callbackHosts.split(","))
        .map(host -> host.trim().toLowerCase(Locale.ROOT))
        .filter(host -> !host.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
  }
}
