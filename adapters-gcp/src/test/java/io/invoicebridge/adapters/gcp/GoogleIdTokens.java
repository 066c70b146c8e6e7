package io.invoicebridge.adapters.gcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs ID tokens as Google signs the OIDC tokens Cloud Tasks attaches (RS256, a key id, Google's
 * claims), with an RSA key made for the test; {@link #jwks} is what Google publishes at its certs
 * URL.
 */
final class GoogleIdTokens {

  static final String ISSUER = "https://accounts.google.com";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private final String kid;
  private final KeyPair keys;

  private GoogleIdTokens(String kid, KeyPair keys) {
    this.kid = kid;
    this.keys = keys;
  }

  static GoogleIdTokens generate(String kid) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return new GoogleIdTokens(kid, generator.generateKeyPair());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  String kid() {
    return kid;
  }

  /** Google's JWKS document holding the public keys of {@code signers}. */
  static String jwks(List<GoogleIdTokens> signers) {
    return write(Map.of("keys", signers.stream().map(GoogleIdTokens::jwk).toList()));
  }

  /** The claims of a token Cloud Tasks attaches: valid for an hour from {@code issuedAt}. */
  static Map<String, Object> claims(String audience, String email, Instant issuedAt) {
    Map<String, Object> claims = new LinkedHashMap<>();
    claims.put("aud", audience);
    claims.put("azp", "104857600000000000000");
    claims.put("email", email);
    claims.put("email_verified", true);
    claims.put("exp", issuedAt.getEpochSecond() + 3600);
    claims.put("iat", issuedAt.getEpochSecond());
    claims.put("iss", ISSUER);
    claims.put("sub", "104857600000000000000");
    return claims;
  }

  static Map<String, Object> header(String alg, String kid) {
    Map<String, Object> header = new LinkedHashMap<>();
    header.put("alg", alg);
    header.put("kid", kid);
    header.put("typ", "JWT");
    return header;
  }

  /** A token as Cloud Tasks attaches it, for {@code audience} and the service account. */
  String token(String audience, String email, Instant issuedAt) {
    return sign(header("RS256", kid), claims(audience, email, issuedAt));
  }

  /** {@code header.claims} signed RS256 with this key, whatever the header says. */
  String sign(Map<String, Object> header, Map<String, Object> claims) {
    return sign(header, claims, keys.getPrivate());
  }

  /** {@code header.claims} with an HS256 MAC keyed by this RSA key's public bytes. */
  String hmacWithThePublicKey(Map<String, Object> header, Map<String, Object> claims) {
    try {
      String input = encode(header) + "." + encode(claims);
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(keys.getPublic().getEncoded(), "HmacSHA256"));
      return input + "." + BASE64URL.encodeToString(mac.doFinal(bytes(input)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static String unsigned(Map<String, Object> header, Map<String, Object> claims) {
    return encode(header) + "." + encode(claims) + ".";
  }

  private static String sign(
      Map<String, Object> header, Map<String, Object> claims, PrivateKey key) {
    try {
      String input = encode(header) + "." + encode(claims);
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(key);
      rsa.update(bytes(input));
      return input + "." + BASE64URL.encodeToString(rsa.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private Map<String, Object> jwk() {
    RSAPublicKey rsa = (RSAPublicKey) keys.getPublic();
    Map<String, Object> jwk = new LinkedHashMap<>();
    jwk.put("kty", "RSA");
    jwk.put("alg", "RS256");
    jwk.put("use", "sig");
    jwk.put("kid", kid);
    jwk.put("n", BASE64URL.encodeToString(unsigned(rsa.getModulus())));
    jwk.put("e", BASE64URL.encodeToString(unsigned(rsa.getPublicExponent())));
    return jwk;
  }

  /** A JWK's big-endian unsigned bytes, without the sign byte BigInteger may add. */
  private static byte[] unsigned(BigInteger value) {
    byte[] bytes = value.toByteArray();
    return bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
  }

  private static String encode(Map<String, Object> json) {
    return BASE64URL.encodeToString(bytes(write(json)));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String write(Object json) {
    try {
      return JSON.writeValueAsString(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
