package io.invoicebridge.conformance;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies a callback's {@code Invoice-Bridge-Signature} the way docs/api.md tells a receiver to,
 * independently of the app's own signing code: {@code t=<seconds>,v1=<hex HMAC-SHA256 of
 * "t.body">}.
 */
final class CallbackSignatures {

  private static final Pattern HEADER = Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})");

  private CallbackSignatures() {}

  static boolean verify(String secret, String header, byte[] body) {
    Matcher parts = header == null ? null : HEADER.matcher(header);
    if (parts == null || !parts.matches()) {
      return false;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((parts.group(1) + ".").getBytes(StandardCharsets.UTF_8));
      byte[] expected =
          HexFormat.of().formatHex(mac.doFinal(body)).getBytes(StandardCharsets.UTF_8);
      return MessageDigest.isEqual(expected, parts.group(2).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
