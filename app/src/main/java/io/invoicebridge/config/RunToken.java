package io.invoicebridge.config;

import io.micronaut.core.annotation.Nullable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The shared secret every {@code /v1} caller presents as a bearer token ({@code RUN_TOKEN}), kept
 * as configuration; the {@code auth} package checks requests against it. During a rotation the
 * previous token ({@code RUN_TOKEN_PREVIOUS}) is accepted too, so callers can move over one by one.
 * Never printed.
 */
public final class RunToken {

  public static final int MIN_LENGTH = 32;

  /** Below this many distinct characters a token looks hand-made rather than random. */
  private static final int RANDOM_LOOKING_DISTINCT_CHARACTERS = 12;

  private final byte[] digest;
  private final byte[] previousDigest;
  private final boolean looksRandom;

  public RunToken(String value) {
    this(value, null);
  }

  /**
   * @param previous also accepted until the operator removes it; null when there is none
   */
  public RunToken(String value, @Nullable String previous) {
    this.digest = sha256(value);
    this.previousDigest = sha256(previous == null ? value : previous);
    this.looksRandom = value.chars().distinct().count() >= RANDOM_LOOKING_DISTINCT_CHARACTERS;
  }

  /** Whether the token has the variety of a generated secret (only this fact is kept). */
  public boolean looksRandom() {
    return looksRandom;
  }

  /**
   * Compares in constant time: both sides are hashed first, so neither the length nor the content
   * of the expected tokens leaks through timing.
   */
  public boolean matches(String presented) {
    if (presented == null) {
      return false;
    }
    byte[] hashed = sha256(presented);
    // Both compared every time, so the timing does not tell which one matched.
    boolean current = MessageDigest.isEqual(digest, hashed);
    boolean previous = MessageDigest.isEqual(previousDigest, hashed);
    return current | previous;
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
