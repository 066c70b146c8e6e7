package io.invoicebridge.queued;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CallbackSignatureTest {

  private static final byte[] BODY = "{\"id\":\"b-1\"}".getBytes(StandardCharsets.UTF_8);
  private static final Instant AT = Instant.parse("2026-11-30T09:00:00Z");

  @Test
  void sign_knownSecretAndBody_givesTheHmacOfTimeDotBody() {
    // expected value from: printf '%s' '1796029200.{"id":"b-1"}' |
    //   openssl dgst -sha256 -hmac 'secret-0123456789'
    String header = new CallbackSignature("secret-0123456789").sign(BODY, AT);

    assertEquals(
        "t=1796029200,v1=b36b6dc972d079083ab7b6276e8a118c554d439d29f62f2f184bc3229cce150a", header);
  }

  @Test
  void verifies_ownSignature_holds() {
    CallbackSignature signature = new CallbackSignature("secret-0123456789");

    assertTrue(signature.verifies(signature.sign(BODY, AT), BODY));
  }

  @Test
  void verifies_changedBodyOrOtherSecret_fails() {
    String header = new CallbackSignature("secret-0123456789").sign(BODY, AT);

    assertFalse(
        new CallbackSignature("secret-0123456789")
            .verifies(header, "{\"id\":\"b-2\"}".getBytes(StandardCharsets.UTF_8)));
    assertFalse(new CallbackSignature("another-secret-000").verifies(header, BODY));
    assertFalse(new CallbackSignature("secret-0123456789").verifies("v1=00", BODY));
  }
}
