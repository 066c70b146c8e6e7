package io.invoicebridge.testing;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.StatusOutput;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tests' own view of the test Redis, independent of the code under test. Reconnects on its own
 * after the server was restarted.
 */
public final class RedisAdmin {

  private final RedisClient client;
  private StatefulRedisConnection<String, String> connection;

  RedisAdmin(URI url) {
    this.client = RedisClient.create(url.toString());
    // Reconnected on demand below: a background reconnect could back off for seconds after a
    // test restarted the server.
    this.client.setOptions(ClientOptions.builder().autoReconnect(false).build());
  }

  public void flushAll() {
    redis().flushall();
  }

  public void resetStats() {
    redis().configResetstat();
  }

  /** Calls per command since the last {@link #resetStats()}, from {@code INFO commandstats}. */
  public Map<String, Long> commandCalls() {
    Map<String, Long> calls = new TreeMap<>();
    for (String line : redis().info("commandstats").split("\r?\n")) {
      if (line.startsWith("cmdstat_")) {
        String name = line.substring("cmdstat_".length(), line.indexOf(':'));
        String stats = line.substring(line.indexOf(':') + 1);
        calls.put(name, Long.parseLong(stats.replaceAll("^calls=(\\d+),.*$", "$1")));
      }
    }
    return calls;
  }

  /** The key's remaining time to live, or a negative Redis code (-2 absent, -1 no expiry). */
  public Duration pttl(String key) {
    return Duration.ofMillis(redis().pttl(key));
  }

  public String get(String key) {
    return redis().get(key);
  }

  public void set(String key, String value) {
    redis().set(key, value);
  }

  /** Members of the sorted set at {@code key}, e.g. the local batch queue. */
  public long zcard(String key) {
    return redis().zcard(key);
  }

  /** {@code SHUTDOWN SAVE}: the server writes its data to disk and exits. */
  synchronized void shutdownSaving() {
    try {
      redis().shutdown(true);
    } catch (RedisException closedByTheShutdown) {
      // the server closes the connection instead of answering; the next call reconnects
    }
  }

  /**
   * Creates or resets {@code user} with {@code password} and exactly {@code rules}, as a deployment
   * does ({@code ACL SETUSER <user> reset on ><password> <rules...>}).
   */
  public void setUser(String user, String password, List<String> rules) {
    List<String> all = new ArrayList<>(List.of("reset", "on", ">" + password));
    all.addAll(rules);
    aclSetUser(user, all);
  }

  /** {@code ACL SETUSER <user> <rules...>}, the rules as given. */
  public void aclSetUser(String user, List<String> rules) {
    CommandArgs<String, String> args = new CommandArgs<>(StringCodec.UTF8).add("SETUSER").add(user);
    rules.forEach(args::add);
    redis().dispatch(CommandType.ACL, new StatusOutput<>(StringCodec.UTF8), args);
  }

  /** Makes the server answer no client for {@code pause} ({@code CLIENT PAUSE}). */
  public void freeze(Duration pause) {
    redis().clientPause(pause.toMillis());
  }

  private synchronized RedisCommands<String, String> redis() {
    if (connection == null || !connection.isOpen()) {
      connection = client.connect();
    }
    return connection.sync();
  }
}
