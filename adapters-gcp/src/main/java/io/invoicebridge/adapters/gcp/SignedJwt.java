package io.invoicebridge.adapters.gcp;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * A compact JWS ({@code header.claims.signature}, each part base64url) split and decoded, and not
 * trusted until {@link #signedBy} a key the caller trusts.
 */
record SignedJwt(JsonNode header, JsonNode claims, byte[] signingInput, byte[] signature) {

  /**
   * Splits and decodes {@code token}.
   *
   * @throws IllegalArgumentException when it is not three base64url parts, the first two JSON
   *     objects; the message never quotes the token
   */
  static SignedJwt parse(String token, JsonMapper json) {
    String[] parts = token.split("\\.", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException("not a signed JWT");
    }
    try {
      Base64.Decoder base64url = Base64.getUrlDecoder();
      return new SignedJwt(
          object(base64url.decode(parts[0]), json),
          object(base64url.decode(parts[1]), json),
          (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII),
          base64url.decode(parts[2]));
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("not a well-formed JWT", e);
    }
  }

  /** Whether the signature is RS256 ({@code SHA256withRSA}) by {@code key}. */
  boolean signedBy(PublicKey key) {
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initVerify(key);
      rsa.update(signingInput);
      return rsa.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** A string member of the header or the claims; null when absent or not a string. */
  static @Nullable String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isString() ? value.getStringValue() : null;
  }

  private static JsonNode object(byte[] bytes, JsonMapper json) throws IOException {
    JsonNode node = json.readValue(bytes, JsonNode.class);
    if (node == null || !node.isObject()) {
      throw new IOException("not a JSON object");
    }
    return node;
  }
}
