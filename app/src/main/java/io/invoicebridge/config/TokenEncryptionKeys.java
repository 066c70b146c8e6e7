package io.invoicebridge.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The AES-256 keys of {@code TOKEN_ENCRYPTION_KEYS}: the first seals the freee token record, every
 * one opens it. Each key is known by an id derived from it (the first 8 bytes of a SHA-256 over a
 * label and the key, in hex), so a sealed record names its key without revealing it and no operator
 * has to name keys. Never printed.
 */
public final class TokenEncryptionKeys {

  /** No keys: the in-memory token store, which seals nothing, needs none. */
  public static final TokenEncryptionKeys NONE = new TokenEncryptionKeys(List.of());

  private static final String ID_LABEL = "invoice-bridge token encryption key id\n";

  /** One key and its id. */
  public record Key(String id, byte[] material) {
    public Key {
      material = material.clone();
    }

    @Override
    public byte[] material() {
      return material.clone();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && id.equals(key.id);
    }

    @Override
    public int hashCode() {
      return id.hashCode();
    }

    @Override
    public String toString() {
      return "Key[id=" + id + "]";
    }
  }

  private final List<Key> keys;

  private TokenEncryptionKeys(List<Key> keys) {
    this.keys = List.copyOf(keys);
  }

  /**
   * Parses a value of {@code TOKEN_ENCRYPTION_KEYS}.
   *
   * @throws IllegalArgumentException when it breaks {@link SettingConstraint.AesKeys} (the message
   *     states the rule, never the value)
   */
  public static TokenEncryptionKeys parse(String value) {
    SettingRules.TOKEN_ENCRYPTION_KEYS
        .problemWith(value)
        .ifPresent(
            problem -> {
              throw new IllegalArgumentException(problem);
            });
    return new TokenEncryptionKeys(
        Arrays.stream(value.split(","))
            .map(text -> Base64.getDecoder().decode(text))
            .map(material -> new Key(idOf(material), material))
            .toList());
  }

  public boolean isEmpty() {
    return keys.isEmpty();
  }

  /**
   * The key that seals.
   *
   * @throws IllegalStateException when there are no keys
   */
  public Key current() {
    if (keys.isEmpty()) {
      throw new IllegalStateException("no TOKEN_ENCRYPTION_KEYS configured");
    }
    return keys.getFirst();
  }

  /** The key with {@code id}, if it is one of these. */
  public Optional<Key> byId(String id) {
    return keys.stream().filter(key -> key.id().equals(id)).findFirst();
  }

  public List<String> ids() {
    return keys.stream().map(Key::id).toList();
  }

  @Override
  public String toString() {
    return "TokenEncryptionKeys[ids=" + ids() + "]";
  }

  private static String idOf(byte[] material) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(ID_LABEL.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(Arrays.copyOf(sha256.digest(material), 8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
