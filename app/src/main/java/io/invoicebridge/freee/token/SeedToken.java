package io.invoicebridge.freee.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The deployment's {@code FREEE_REFRESH_TOKEN} and its SHA-256 (hex), the only form of it ever
 * stored beside the record's own tokens or compared across instances.
 */
record SeedToken(String value, String hash) {

  static SeedToken of(String value) {
    return new SeedToken(value, sha256Hex(value));
  }

  static String sha256Hex(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK provides SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "SeedToken[hash=" + hash + "]";
  }
}
