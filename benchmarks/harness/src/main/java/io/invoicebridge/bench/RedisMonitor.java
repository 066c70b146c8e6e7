package io.invoicebridge.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Redis's {@code MONITOR} feed, counted: which commands clients sent and which ran inside Lua
 * scripts (the feed tags those {@code [0 lua]}). {@code INFO commandstats} counts both alike, and
 * Upstash bills the commands clients send (a script call is one), so this splits the two.
 */
final class RedisMonitor implements AutoCloseable {

  private final Socket socket;
  private final Thread reader;
  private final AtomicLong fromClients = new AtomicLong();
  private final AtomicLong insideScripts = new AtomicLong();

  RedisMonitor(URI redis) throws IOException {
    socket = new Socket(redis.getHost(), redis.getPort());
    OutputStream out = socket.getOutputStream();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
    if (redis.getUserInfo() != null) {
      authenticate(redis.getUserInfo(), out, in);
    }
    out.write(command("MONITOR"));
    out.flush();
    String ok = in.readLine();
    if (!"+OK".equals(ok)) {
      throw new IOException("MONITOR answered " + ok);
    }
    reader =
        Thread.ofPlatform()
            .daemon()
            .name("redis-monitor")
            .start(
                () -> {
                  try {
                    String line;
                    while ((line = in.readLine()) != null) {
                      if (line.contains(" lua] ")) {
                        insideScripts.incrementAndGet();
                      } else if (line.startsWith("+")) {
                        fromClients.incrementAndGet();
                      }
                    }
                  } catch (IOException closed) {
                    // close() ends the feed
                  }
                });
  }

  /** {@code AUTH user password} from the URL's {@code user:password}. */
  private static void authenticate(String userInfo, OutputStream out, BufferedReader in)
      throws IOException {
    String[] userPassword = userInfo.split(":", 2);
    out.write(command("AUTH", userPassword[0], userPassword[1]));
    out.flush();
    String ok = in.readLine();
    if (!"+OK".equals(ok)) {
      throw new IOException("AUTH was refused");
    }
  }

  /** One command in RESP, the protocol's array of bulk strings. */
  private static byte[] command(String... words) {
    StringBuilder resp = new StringBuilder("*").append(words.length).append("\r\n");
    for (String word : words) {
      resp.append('$').append(word.getBytes(StandardCharsets.UTF_8).length).append("\r\n");
      resp.append(word).append("\r\n");
    }
    return resp.toString().getBytes(StandardCharsets.UTF_8);
  }

  long fromClients() {
    return fromClients.get();
  }

  long insideScripts() {
    return insideScripts.get();
  }

  @Override
  public void close() throws IOException {
    socket.close();
    try {
      reader.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
