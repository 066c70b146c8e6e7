package io.invoicebridge.invoice.validation;

/**
 * The text the bridge appends to every invoice's {@code memo} (社内メモ, internal, never printed on the
 * invoice) so that an invoice whose creation was uncertain can be found again in freee.
 */
public final class InvoiceMarker {

  /** freee's limit on {@code memo}, in characters. */
  public static final int MEMO_MAX_LENGTH = 2000;

  private InvoiceMarker() {}

  public static String of(String key) {
    return "[invoice-bridge:" + key + "]";
  }

  /** The memo freee receives: the caller's memo, a line break, then the marker. */
  public static String memoWithMarker(String memo, String key) {
    return memo == null || memo.isEmpty() ? of(key) : memo + "\n" + of(key);
  }

  /** How many characters of {@code memo} the caller may use with this key. */
  public static int roomForMemo(String key) {
    return MEMO_MAX_LENGTH - of(key).length() - 1;
  }
}
