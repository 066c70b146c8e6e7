package io.invoicebridge.redis;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A Lua script run atomically by Redis, sent by its SHA-1 ({@code EVALSHA}: one short round trip)
 * and in full ({@code EVAL}, which also caches it) only when the server does not know it yet, e.g.
 * after a restart or on a fresh database.
 */
public final class RedisScript {

  private final String source;
  private final String sha1;

  private RedisScript(String source) {
    this.source = source;
    this.sha1 = sha1(source);
  }

  /** Loads a script from the classpath, e.g. {@code /io/invoicebridge/redis/lock-release.lua}. */
  public static RedisScript fromResource(String path) {
    try (InputStream in = RedisScript.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing Redis script " + path);
      }
      return new RedisScript(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read Redis script " + path, e);
    }
  }

  /** Runs the script: one round trip when the server has it cached, two the first time. */
  public <T> T run(
      RedisCommands<String, String> redis, ScriptOutputType type, String[] keys, String... args) {
    try {
      return redis.evalsha(sha1, type, keys, args);
    } catch (RedisNoScriptException notCached) {
      return redis.eval(source, type, keys, args);
    }
  }

  private static String sha1(String text) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-1");
      return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is part of every JDK", e);
    }
  }
}
