package io.invoicebridge.queued;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Queue messages as JSON: those queued before callbacks were queued must still be read. */
class QueuedBatchMessageTest {

  private final JsonMapper json = JsonMapper.createDefault();

  @Test
  void read_messageQueuedBeforeCallbacks_isAnItem() throws IOException {
    QueuedBatchMessage message =
        json.readValue(
            "{\"batch_id\":\"b-1\",\"index\":3,\"attempts\":1}", QueuedBatchMessage.class);

    assertEquals(new QueuedBatchMessage("b-1", 3, 1), message);
    assertFalse(message.deliversCallback());
  }

  @Test
  void write_itemMessage_keepsTheShapeItHadBeforeCallbacks() throws IOException {
    assertEquals(
        "{\"batch_id\":\"b-1\",\"index\":3,\"attempts\":1}",
        json.writeValueAsString(new QueuedBatchMessage("b-1", 3, 1)));
  }

  @Test
  void callbackMessage_roundTrips_andKeepsItsKindOnTheNextAttempt() throws IOException {
    QueuedBatchMessage callback = QueuedBatchMessage.callbackOf("b-1");

    QueuedBatchMessage read =
        json.readValue(json.writeValueAsString(callback), QueuedBatchMessage.class);

    assertEquals(callback, read);
    assertTrue(read.deliversCallback());
    assertTrue(read.nextAttempt().deliversCallback());
    assertEquals(1, read.nextAttempt().attempts());
  }

  @Test
  void read_unknownKind_isRefused() {
    assertThrows(
        IOException.class,
        () ->
            json.readValue(
                "{\"batch_id\":\"b-1\",\"index\":0,\"attempts\":0,\"kind\":\"other\"}",
                QueuedBatchMessage.class));
  }

  @Test
  void subjectId_callbackAndItemZero_differ() {
    QueuedBatchMessage item = new QueuedBatchMessage("b-1", 0, 2);
    QueuedBatchMessage callback = QueuedBatchMessage.callbackOf("b-1");

    assertEquals("b-1-0", item.subjectId());
    assertEquals("b-1-callback", callback.subjectId());
    assertEquals("b-1-0", item.nextAttempt().subjectId(), "attempts aside");
  }
}
