package io.invoicebridge.queued;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

/**
 * A queue member's text: a unique id, a space, the message's JSON. The id keeps two sends of the
 * same message apart (a duplicate is delivered twice, as a cloud queue may do).
 */
final class QueueMemberCodec {

  private final JsonMapper json;

  QueueMemberCodec(JsonMapper json) {
    this.json = json;
  }

  String member(QueuedBatchMessage message) {
    try {
      return UUID.randomUUID() + " " + json.writeValueAsString(message);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a queue message", e);
    }
  }

  LeasedQueue.Leased leased(String member) {
    try {
      String body = member.substring(member.indexOf(' ') + 1);
      return new LeasedQueue.Leased(json.readValue(body, QueuedBatchMessage.class), member);
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable queue message", e);
    }
  }
}
