package io.invoicebridge.adapters.gcp;

import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A JSON Web Key Set document (RFC 7517) read for its RS256 signing keys. */
final class Jwks {

  private static final Logger LOG = LoggerFactory.getLogger(Jwks.class);

  private Jwks() {}

  /**
   * The RSA signing keys by key id; keys of any other kind, use or algorithm are left out.
   *
   * @throws IOException when the document holds no {@code keys} array
   */
  static Map<String, PublicKey> rs256Keys(JsonNode document) throws IOException {
    JsonNode list = document.get("keys");
    if (list == null || !list.isArray()) {
      throw new IOException("no keys in the JWKS document");
    }
    Map<String, PublicKey> keys = new HashMap<>();
    for (JsonNode jwk : list.values()) {
      String kid = SignedJwt.text(jwk, "kid");
      String modulus = SignedJwt.text(jwk, "n");
      String exponent = SignedJwt.text(jwk, "e");
      boolean rs256 =
          is(jwk, "kty", "RSA") && optionally(jwk, "alg", "RS256") && optionally(jwk, "use", "sig");
      if (rs256 && kid != null && modulus != null && exponent != null) {
        rsaKey(modulus, exponent).ifPresent(key -> keys.put(kid, key));
      }
    }
    return Map.copyOf(keys);
  }

  private static Optional<PublicKey> rsaKey(String modulus, String exponent) {
    try {
      Base64.Decoder base64url = Base64.getUrlDecoder();
      RSAPublicKeySpec spec =
          new RSAPublicKeySpec(
              new BigInteger(1, base64url.decode(modulus)),
              new BigInteger(1, base64url.decode(exponent)));
      return Optional.of(KeyFactory.getInstance("RSA").generatePublic(spec));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      LOG.warn("a key of the JWKS document was left out: {}", e.getMessage());
      return Optional.empty();
    }
  }

  private static boolean is(JsonNode node, String field, String value) {
    return value.equals(SignedJwt.text(node, field));
  }

  private static boolean optionally(JsonNode node, String field, String value) {
    return node.get(field) == null || is(node, field, value);
  }
}
