package io.invoicebridge.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.testing.RedisAppUser;
import io.invoicebridge.testing.RedisServerExtension;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.sync.RedisCommands;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The user every test runs the app as holds the deployment's rules (RedisAppUser.RULES_FILE): the
 * bridge's own keys and commands, nothing else, so whoever holds its REDIS_URL can neither read
 * another application's keys nor empty or reconfigure the database.
 */
@ExtendWith(RedisServerExtension.class)
class RedisAppUserTest {

  private final RedisConnections app =
      new RedisConnections(RedisServerExtension.url(), RedisTimeouts.DEFAULT);

  @AfterEach
  void close() {
    app.close();
  }

  @Test
  void appUser_isTheUserTheTestsConnectAs() {
    assertEquals(RedisAppUser.NAME, RedisServerExtension.url().getUserInfo().split(":")[0]);
    assertTrue(RedisAppUser.rules().contains("~ib:*"), "limited to the bridge's prefix");
  }

  @Test
  void appUser_bridgeKey_readAndWritten() {
    app.call(r -> r.set("ib:{1001}:probe", "1"));

    assertEquals("1", app.call(r -> r.get("ib:{1001}:probe")));
  }

  @Test
  void appUser_keyOutsideTheBridgesPrefix_refused() {
    assertRefused(r -> r.set("other-app:key", "1"));
    assertRefused(r -> r.get("other-app:key"));
  }

  @Test
  void appUser_commandsTheBridgeDoesNotSend_refused() {
    assertRefused(RedisCommands::flushall);
    assertRefused(r -> r.keys("*"));
    assertRefused(r -> r.configGet("requirepass"));
    assertRefused(r -> r.aclList());
    assertRefused(r -> r.scriptFlush());
  }

  @Test
  void appUser_scriptTouchingAnotherKey_refused() {
    assertRefused(r -> r.eval("return redis.call('GET', 'other-app:key')", ScriptOutputType.VALUE));
  }

  private void assertRefused(Consumer<RedisCommands<String, String>> command) {
    RedisCommandExecutionException refused =
        assertThrows(
            RedisCommandExecutionException.class,
            () ->
                app.call(
                    r -> {
                      command.accept(r);
                      return null;
                    }));
    // NOPERM for a command; inside a script, Redis 6.2 words it as a script error
    String message = refused.getMessage();
    assertTrue(message.startsWith("NOPERM") || message.contains("can't access"), message);
  }
}
