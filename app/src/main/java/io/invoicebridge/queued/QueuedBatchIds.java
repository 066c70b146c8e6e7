package io.invoicebridge.queued;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A batch's id: a random UUID in its canonical lower-case form. An id a caller sends is checked
 * against that form before the store is asked, since the store's key names are built from it.
 */
final class QueuedBatchIds {

  private static final Pattern CANONICAL =
      Pattern.compile("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$");

  private QueuedBatchIds() {}

  static String next() {
    return UUID.randomUUID().toString();
  }

  static boolean valid(String id) {
    return id != null && CANONICAL.matcher(id).matches();
  }
}
