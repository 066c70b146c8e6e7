package io.invoicebridge.queued;

import io.invoicebridge.config.BridgeConfig;
import io.invoicebridge.invoice.InvoiceItem;
import io.invoicebridge.problem.InvalidItemsException;
import io.invoicebridge.problem.Violation;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;

/** Turns a validated submission into the batch to record: its id, fingerprint and callback. */
@Singleton
public class QueuedBatchSubmissions {

  private final JsonMapper json;
  private final QueuedBatchCallbacks callbacks;
  private final BridgeConfig config;
  private final Clock clock;

  public QueuedBatchSubmissions(
      JsonMapper json, QueuedBatchCallbacks callbacks, BridgeConfig config, Clock clock) {
    this.json = json;
    this.callbacks = callbacks;
    this.config = config;
    this.clock = clock;
  }

  public NewQueuedBatch newBatch(
      List<InvoiceItem> items, @Nullable String callbackUrl, @Nullable String idempotencyKey) {
    return new NewQueuedBatch(
        QueuedBatchIds.next(),
        fingerprint(items, callbackUrl),
        idempotencyKey,
        callbackUrl,
        config.dryRun(),
        clock.instant());
  }

  /**
   * The body's {@code callback_url}, checked; null when absent.
   *
   * @throws InvalidItemsException (422) when it is not a string, callbacks are off, or the target
   *     is refused
   */
  public @Nullable String callbackUrl(byte[] body) {
    JsonNode node;
    try {
      node = json.readValue(body, JsonNode.class).get("callback_url");
    } catch (IOException e) {
      throw new IllegalStateException("the body was read as JSON already", e);
    }
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isString()) {
      throw refused("must be a string: an https URL");
    }
    if (!callbacks.enabled()) {
      throw refused("cannot be used: the operator has not set BATCH_CALLBACK_SECRET");
    }
    try {
      return callbacks.targets().check(node.getStringValue()).uri().toString();
    } catch (CallbackRefusedException e) {
      throw refused(e.getMessage());
    }
  }

  private static InvalidItemsException refused(String reason) {
    return new InvalidItemsException(
        "callback_url " + reason + "; nothing was queued",
        List.of(new Violation("/callback_url", reason)));
  }

  /** SHA-256 over every item's key and payload hash and the callback URL, in order. */
  private static String fingerprint(List<InvoiceItem> items, @Nullable String callbackUrl) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (InvoiceItem item : items) {
        digest.update(
            (item.key() + "\n" + item.payloadHash() + "\n").getBytes(StandardCharsets.UTF_8));
      }
      digest.update(String.valueOf(callbackUrl).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
