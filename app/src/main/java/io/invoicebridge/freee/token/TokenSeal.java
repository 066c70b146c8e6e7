package io.invoicebridge.freee.token;

import io.invoicebridge.config.TokenEncryptionKeys;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals the token record for Redis with AES-256-GCM (the JDK's own provider) as {@code v1.<key
 * id>.<fence>.<nonce, ciphertext and tag in base64url>}. The key id says which of {@code
 * TOKEN_ENCRYPTION_KEYS} sealed it, so keys can rotate. The fence (SHA-256 hex of the record's
 * refresh token) stays readable, so a Lua script can fence writes without the key; it is bound to
 * the ciphertext as associated data, together with the Redis key and the key id, so none of them
 * can be swapped or moved to another company's key.
 */
final class TokenSeal {

  static final String VERSION = "v1";
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  /** What an opened record holds, and the id of the key that had sealed it. */
  record Opened(String keyId, byte[] plaintext) {}

  private final TokenEncryptionKeys keys;
  private final SecureRandom random = new SecureRandom();

  TokenSeal(TokenEncryptionKeys keys) {
    this.keys = keys;
  }

  /** The fence of a record: SHA-256 (hex) of its refresh token, never the token itself. */
  static String fence(String refreshToken) {
    return SeedToken.sha256Hex(refreshToken);
  }

  /** Whether {@code stored} is in this format (older versions stored plaintext JSON). */
  static boolean isSealed(String stored) {
    return stored.startsWith(VERSION + ".");
  }

  /** The id of the key that seals, or empty when there is none. */
  String currentKeyId() {
    return keys.isEmpty() ? "" : keys.current().id();
  }

  /** Seals {@code plaintext} for {@code redisKey} with the current key. */
  String seal(String redisKey, String fence, byte[] plaintext) {
    if (keys.isEmpty()) {
      throw new TokenStoreUnavailableException("write", "TOKEN_ENCRYPTION_KEYS is not set");
    }
    TokenEncryptionKeys.Key key = keys.current();
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    byte[] sealed =
        crypt(Cipher.ENCRYPT_MODE, key, nonce, aad(redisKey, key.id(), fence), plaintext);
    byte[] body = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
    return String.join(
        ".",
        VERSION,
        key.id(),
        fence,
        Base64.getUrlEncoder().withoutPadding().encodeToString(body));
  }

  /**
   * Opens what {@link #seal} wrote for {@code redisKey}.
   *
   * @throws TokenStoreUnavailableException naming the reason (never a key or a token) when the
   *     record is malformed, names a key this instance does not hold, or does not open with it
   */
  Opened open(String redisKey, String stored) {
    String[] parts = stored.split("\\.", -1);
    if (parts.length != 4 || !VERSION.equals(parts[0])) {
      throw unreadable("the token record is not in the sealed format " + VERSION);
    }
    TokenEncryptionKeys.Key key =
        keys.byId(parts[1])
            .orElseThrow(
                () ->
                    unreadable(
                        "the token record was sealed with key id "
                            + parts[1]
                            + ", which TOKEN_ENCRYPTION_KEYS does not hold"));
    byte[] body;
    try {
      body = Base64.getUrlDecoder().decode(parts[3]);
    } catch (IllegalArgumentException e) {
      throw unreadable("the token record's sealed part is not base64url");
    }
    if (body.length < NONCE_BYTES) {
      throw unreadable("the token record's sealed part is too short");
    }
    ByteBuffer buffer = ByteBuffer.wrap(body);
    byte[] nonce = new byte[NONCE_BYTES];
    buffer.get(nonce);
    byte[] sealed = new byte[buffer.remaining()];
    buffer.get(sealed);
    return new Opened(
        key.id(),
        crypt(Cipher.DECRYPT_MODE, key, nonce, aad(redisKey, key.id(), parts[2]), sealed));
  }

  private static byte[] crypt(
      int mode, TokenEncryptionKeys.Key key, byte[] nonce, byte[] aad, byte[] input) {
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(
          mode, new SecretKeySpec(key.material(), "AES"), new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(aad);
      return cipher.doFinal(input);
    } catch (GeneralSecurityException e) {
      if (mode == Cipher.DECRYPT_MODE) {
        throw unreadable(
            "the token record does not open with key id "
                + key.id()
                + " (altered, or sealed for another Redis key)");
      }
      throw new TokenStoreUnavailableException("write", e);
    }
  }

  private static byte[] aad(String redisKey, String keyId, String fence) {
    return String.join("|", VERSION, redisKey, keyId, fence).getBytes(StandardCharsets.UTF_8);
  }

  private static TokenStoreUnavailableException unreadable(String reason) {
    return new TokenStoreUnavailableException("read", reason);
  }
}
