package io.invoicebridge.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The shared secret every {@code /v1} caller presents as a bearer token ({@code RUN_TOKEN}), kept
 * as configuration; the {@code auth} package checks requests against it. Never printed.
 */
public final class RunToken {

  public static final int MIN_LENGTH = 32;

  /** Below this many distinct characters a token looks hand-made rather than random. */
  private static final int RANDOM_LOOKING_DISTINCT_CHARACTERS = 12;

  private final byte[] digest;
  private final boolean looksRandom;

  public RunToken(String value) {
    this.digest = sha256(value);
    this.looksRandom = value.chars().distinct().count() >= RANDOM_LOOKING_DISTINCT_CHARACTERS;
  }

  /** Whether the token has the variety of a generated secret (only this fact is kept). */
  public boolean looksRandom() {
    return looksRandom;
  }

  /**
   * Compares in constant time: both sides are hashed first, so neither the length nor the content
   * of the expected token leaks through timing.
   */
  public boolean matches(String presented) {
    return presented != null && MessageDigest.isEqual(digest, sha256(presented));
  }

  @Override
  public String toString() {
    return "RunToken[redacted]";
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
