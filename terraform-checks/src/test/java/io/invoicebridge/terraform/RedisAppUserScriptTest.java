package io.invoicebridge.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.redis.RedisConnections;
import io.invoicebridge.redis.RedisTimeouts;
import io.invoicebridge.testing.RedisServerExtension;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * terraform/scripts/redis-app-user.sh against a stand-in of Upstash's REST API in front of a real
 * redis-server: the user it leaves behind is the one the app connects as (the password Terraform
 * put into REDIS_URL), with exactly the rules of redis-app-user.acl, whatever it had before.
 */
@ExtendWith(RedisServerExtension.class)
class RedisAppUserScriptTest {

  private static final String USER = "deployed-bridge";
  private static final String PASSWORD = "Kq83vTz0PmL4nB7xYc2RsD5eF8gH1jA6uIw9oQe3";
  private static final String REST_TOKEN = "AXrest-admin-token-of-the-default-user-77Hc";

  @TempDir Path directory;
  private StandInDeployment deployment;
  private FakeUpstashRest upstash;

  @BeforeEach
  void start() {
    deployment = StandInDeployment.forScripts(directory);
  }

  @AfterEach
  void stop() {
    if (upstash != null) {
      upstash.close();
    }
  }

  @Test
  void redisAppUser_onUpstash_leavesTheAppAUserOfExactlyTheRules() throws IOException {
    ExternalCommand.Result result = runAgainst(true, PASSWORD);

    assertEquals(0, result.exitCode(), result.output());
    try (RedisConnections app = connectAs(PASSWORD)) {
      app.call(r -> r.set("ib:{1234567}:probe", "1"));
      assertEquals("1", app.call(r -> r.get("ib:{1234567}:probe")));
      assertRefused(() -> app.call(r -> r.get("another-app:key")));
      assertRefused(() -> app.call(r -> r.flushall()));
    }
  }

  @Test
  void redisAppUser_userHadMoreRightsAndAnotherPassword_keepsNeither() throws IOException {
    RedisServerExtension.admin()
        .aclSetUser(USER, List.of("on", ">an-older-password-0123456789", "allkeys", "+@all"));

    ExternalCommand.Result result = runAgainst(true, PASSWORD);

    assertEquals(0, result.exitCode(), result.output());
    try (RedisConnections app = connectAs(PASSWORD)) {
      assertRefused(() -> app.call(r -> r.flushall()));
    }
    try (RedisConnections old = connectAs("an-older-password-0123456789")) {
      assertThrows(RedisException.class, old::ping);
    }
  }

  @Test
  void redisAppUser_redisWithoutUpstashsGentoken_setsThePasswordAsItIs() throws IOException {
    ExternalCommand.Result result = runAgainst(false, PASSWORD);

    assertEquals(0, result.exitCode(), result.output());
    assertTrue(result.output().contains("not Upstash"), result.output());
    try (RedisConnections app = connectAs(PASSWORD)) {
      assertEquals("PONG", app.ping());
    }
  }

  @Test
  void redisAppUser_passwordRefused_failsWithUpstashsReason() throws IOException {
    ExternalCommand.Result result = runAgainst(true, "weak");

    assertEquals(1, result.exitCode(), result.output());
    assertTrue(result.output().contains("too weak"), result.output());
  }

  @Test
  void redisAppUser_neverPrintsOrPassesOnASecret() throws IOException {
    ExternalCommand.Result result = runAgainst(true, PASSWORD);

    assertEquals(0, result.exitCode(), result.output());
    String seen = result.output() + deployment.allRecorded();
    for (String secret : List.of(PASSWORD, REST_TOKEN, "fake-upstash-token")) {
      assertFalse(seen.contains(secret), "printed or on a command line: " + secret);
    }
  }

  private ExternalCommand.Result runAgainst(boolean upstashExtensions, String password)
      throws IOException {
    upstash = new FakeUpstashRest(REST_TOKEN, RedisServerExtension.admin(), upstashExtensions);
    deployment.redisAppUser(upstash.stackOutput(USER, password));
    return deployment.run(Map.of(), "redis-app-user.sh");
  }

  private static RedisConnections connectAs(String password) {
    int port = RedisServerExtension.adminUrl().getPort();
    return new RedisConnections(
        URI.create("redis://" + USER + ":" + password + "@127.0.0.1:" + port),
        RedisTimeouts.DEFAULT);
  }

  private static void assertRefused(Runnable command) {
    RedisCommandExecutionException refused =
        assertThrows(RedisCommandExecutionException.class, command::run);
    assertTrue(refused.getMessage().startsWith("NOPERM"), refused.getMessage());
  }
}
