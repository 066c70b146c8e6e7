package io.invoicebridge.e2e;

import static io.invoicebridge.testing.BridgeServer.json;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.invoicebridge.testing.BridgeServer;
import io.invoicebridge.testing.FakeFreee;
import io.invoicebridge.testing.RedisServerExtension;
import io.invoicebridge.testing.TestItems;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An id or key that cannot name a record is refused (400, naming the parameter) before any store
 * call: a batch id with a suffix named another of the batch's Redis keys, whose type made the store
 * fail (503 "safe to resend").
 */
@ExtendWith(RedisServerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdsCheckedBeforeStoreTest {

  private final FakeFreee freee = FakeFreee.start();
  private final BridgeServer bridge =
      BridgeServer.start(
          freee,
          freee.issueRefreshToken(),
          Map.of(
              "bridge.freee-dry-run",
              "true",
              "bridge.redis-url",
              RedisServerExtension.url().toString()));

  @AfterAll
  void stop() {
    bridge.close();
    freee.close();
  }

  @Test
  void showBatch_idNamingAnotherKeyOfTheBatch_answers400WithoutAStoreCall() {
    HttpResponse<String> accepted = bridge.submitBatch(TestItems.batch("ids", 1, 101));
    String id = json(accepted).get("id").getStringValue();

    HttpResponse<String> items = bridge.send(bridge.request("/v1/batches/" + id + ":items").GET());

    assertAll(
        () -> assertEquals(400, items.statusCode(), items.body()),
        () -> assertEquals("id", json(items).get("parameter").getStringValue()));
  }

  @Test
  void lookup_keyOutsideThePattern_answers400WithoutAStoreCall() {
    HttpResponse<String> answer = bridge.send(bridge.request("/v1/invoices?key=a%20b*").GET());

    assertAll(
        () -> assertEquals(400, answer.statusCode(), answer.body()),
        () -> assertEquals("key", json(answer).get("parameter").getStringValue()));
  }
}
