package io.invoicebridge.redis;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the bridge waits for Redis: a store call never blocks a request longer than {@code
 * connect + command}, so a down or unreachable Redis fails the call instead of hanging it.
 *
 * @param connect TCP connect, TLS handshake and AUTH of a new connection
 * @param command one command or script, from sending it to its answer
 */
public record RedisTimeouts(Duration connect, Duration command) {

  /** Two seconds each: far above a healthy round trip, far below a request's deadline. */
  public static final RedisTimeouts DEFAULT =
      new RedisTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));

  public RedisTimeouts {
    Objects.requireNonNull(connect, "connect");
    Objects.requireNonNull(command, "command");
  }
}
