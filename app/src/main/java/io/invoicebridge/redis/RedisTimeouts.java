package io.invoicebridge.redis;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the bridge waits for Redis: a store call never blocks a request longer than {@code
 * connect + command}, so a down or unreachable Redis fails the call instead of hanging it.
 *
 * @param connect TCP connect, TLS handshake and AUTH of a new connection
 * @param command one command or script, from sending it to its answer
 * @param maxIdle a connection unused for longer is replaced before use: by then a NAT, the server,
 *     a frozen function instance or a restored snapshot may have cut it silently, and a new
 *     handshake costs less than a failed call
 */
public record RedisTimeouts(Duration connect, Duration command, Duration maxIdle) {

  /** Two seconds to connect or answer: far above a healthy round trip, far below a deadline. */
  public static final RedisTimeouts DEFAULT =
      new RedisTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofMinutes(1));

  public RedisTimeouts {
    Objects.requireNonNull(connect, "connect");
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(maxIdle, "maxIdle");
  }
}
