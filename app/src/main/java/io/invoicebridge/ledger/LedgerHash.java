package io.invoicebridge.ledger;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the Redis hash of a ledger record (fields {@code state, owner, fence, hash, expires_at} for
 * a claim; {@code state, hash, fence, invoice_id, invoice_number, created_at} once created) and the
 * replies of the ledger scripts.
 */
final class LedgerHash {

  /** Redis holds something this version cannot read; treated as the store being unusable. */
  static final class UnreadableRecordException extends RuntimeException {
    UnreadableRecordException(String detail, Throwable cause) {
      super("unreadable ledger record: " + detail, cause);
    }
  }

  private LedgerHash() {}

  /** Reads the claim script's reply: {@code acquired, fence, reconcile} or {@code held, ...}. */
  static ClaimOutcome claimOutcome(List<Object> reply) {
    try {
      return parseClaimOutcome(reply);
    } catch (ClassCastException e) {
      throw unreadable("unexpected claim reply", e);
    }
  }

  private static ClaimOutcome parseClaimOutcome(List<Object> reply) {
    if (reply.size() == 3 && "acquired".equals(reply.get(0))) {
      return new ClaimOutcome.Acquired((Long) reply.get(1), (Long) reply.get(2) == 1L);
    }
    if (!reply.isEmpty() && "held".equals(reply.get(0))) {
      Map<String, String> fields = new HashMap<>();
      for (int i = 1; i + 1 < reply.size(); i += 2) {
        fields.put((String) reply.get(i), (String) reply.get(i + 1));
      }
      return new ClaimOutcome.Held(
          record(fields).orElseThrow(() -> unreadable("held without a record", null)));
    }
    throw unreadable("unexpected claim reply", null);
  }

  static Optional<LedgerRecord> record(Map<String, String> fields) {
    if (fields.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          switch (String.valueOf(fields.get("state"))) {
            case "claimed" -> claimed(fields);
            case "created" -> created(fields);
            default -> throw unreadable("unknown state", null);
          });
    } catch (NullPointerException | NumberFormatException | DateTimeParseException e) {
      throw unreadable("missing or malformed field", e);
    }
  }

  private static LedgerRecord claimed(Map<String, String> fields) {
    return new LedgerRecord.Claimed(
        fields.get("owner"),
        Long.parseLong(fields.get("fence")),
        fields.get("hash"),
        Instant.ofEpochMilli(Long.parseLong(fields.get("expires_at"))));
  }

  private static LedgerRecord created(Map<String, String> fields) {
    CreatedInvoice invoice =
        new CreatedInvoice(
            Long.parseLong(fields.get("invoice_id")),
            fields.get("invoice_number"),
            Instant.parse(fields.get("created_at")));
    return new LedgerRecord.Created(fields.get("hash"), invoice);
  }

  private static UnreadableRecordException unreadable(String detail, Throwable cause) {
    return new UnreadableRecordException(detail, cause);
  }
}
