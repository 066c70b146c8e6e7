package io.invoicebridge.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.invoicebridge.testing.BridgeServer;
import io.invoicebridge.testing.FakeFreee;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Rotating the run token without downtime (docs/security.md): while RUN_TOKEN_PREVIOUS holds the
 * old token, callers still sending it and callers already sending the new one are both let in.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunTokenRotationTest {

  private static final String PREVIOUS = "previous-run-token-0123456789abcdefghij";

  private final FakeFreee freee = FakeFreee.start();

  @AutoClose
  private final BridgeServer bridge =
      BridgeServer.withFreee(freee, Map.of("bridge.run-token-previous", PREVIOUS));

  @Test
  void previousToken_duringARotation_isStillAccepted() {
    assertEquals(200, statusWith(PREVIOUS));
  }

  @Test
  void newToken_duringARotation_isAccepted() {
    assertEquals(200, statusWith(BridgeServer.RUN_TOKEN));
  }

  @Test
  void anyOtherToken_duringARotation_is401() {
    assertEquals(401, statusWith("another-token-0123456789abcdefghijklmnop"));
  }

  private int statusWith(String token) {
    return bridge
        .send(
            HttpRequest.newBuilder(bridge.uri("/v1/preflight"))
                .header("Authorization", "Bearer " + token)
                .GET())
        .statusCode();
  }
}
