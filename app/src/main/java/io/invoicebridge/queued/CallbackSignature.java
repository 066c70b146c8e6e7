package io.invoicebridge.queued;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The callback's signature header: {@code t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">} keyed
 * with {@code BATCH_CALLBACK_SECRET}. The time inside the signed text lets a receiver refuse old
 * replays.
 */
public final class CallbackSignature {

  public static final String HEADER = "Invoice-Bridge-Signature";

  private final byte[] secret;

  public CallbackSignature(String secret) {
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
  }

  public String sign(byte[] body, Instant at) {
    long seconds = at.getEpochSecond();
    return "t=" + seconds + ",v1=" + hmac(seconds, body);
  }

  /**
   * Whether {@code header} signs {@code body} (constant-time comparison); the time is not judged.
   */
  public boolean verifies(String header, byte[] body) {
    String time = null;
    String mac = null;
    for (String part : header.split(",")) {
      if (part.startsWith("t=")) {
        time = part.substring(2);
      } else if (part.startsWith("v1=")) {
        mac = part.substring(3);
      }
    }
    if (time == null || mac == null || !time.matches("\\d{1,12}")) {
      return false;
    }
    return MessageDigest.isEqual(
        hmac(Long.parseLong(time), body).getBytes(StandardCharsets.US_ASCII),
        mac.getBytes(StandardCharsets.US_ASCII));
  }

  private String hmac(long seconds, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update((seconds + ".").getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
