package io.invoicebridge.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.invoicebridge.testing.BridgeServer;
import io.invoicebridge.testing.FakeFreee;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Behind the cloud's own authentication (the stacks' iam_front_door) the Authorization header
 * carries the cloud's credential, a SigV4 signature or an Entra token, so the run token comes in
 * Invoice-Bridge-Run-Token; it is checked exactly as the bearer token is.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RunTokenHeaderTest {

  private static final String SIGV4 =
      "AWS4-HMAC-SHA256 Credential=AKIAEXAMPLE/20261130/ap-northeast-1/lambda/aws4_request,"
          + " SignedHeaders=host;x-amz-date, Signature=0123456789abcdef";

  private final FakeFreee freee = FakeFreee.start();
  private BridgeServer bridge;

  @BeforeAll
  void start() {
    bridge = BridgeServer.start(freee, freee.issueRefreshToken(), Map.of());
  }

  @AfterAll
  void stop() {
    bridge.close();
    freee.close();
  }

  @Test
  void runTokenHeader_besideACloudSignature_isAccepted() {
    int status =
        statusOf(
            get()
                .header("Authorization", SIGV4)
                .header(RunTokenFilter.RUN_TOKEN_HEADER, BridgeServer.RUN_TOKEN));

    assertEquals(200, status);
  }

  @Test
  void runTokenHeader_alone_isAccepted() {
    assertEquals(
        200, statusOf(get().header(RunTokenFilter.RUN_TOKEN_HEADER, BridgeServer.RUN_TOKEN)));
  }

  @Test
  void runTokenHeader_wrongValue_is401() {
    int status =
        statusOf(
            get()
                .header("Authorization", SIGV4)
                .header(RunTokenFilter.RUN_TOKEN_HEADER, "x".repeat(40)));

    assertEquals(401, status);
  }

  @Test
  void cloudSignatureWithoutRunToken_is401() {
    assertEquals(401, statusOf(get().header("Authorization", SIGV4)));
  }

  private HttpRequest.Builder get() {
    return HttpRequest.newBuilder(bridge.uri("/v1/preflight")).GET();
  }

  private int statusOf(HttpRequest.Builder request) {
    return bridge.send(request).statusCode();
  }
}
