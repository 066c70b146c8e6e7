package io.invoicebridge;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.config.BridgeConfig;
import io.invoicebridge.config.FreeeSettings;
import io.invoicebridge.freee.token.TokenRecord;
import io.invoicebridge.queued.CallbackTargets;
import io.invoicebridge.queued.NewQueuedBatch;
import io.invoicebridge.queued.QueuedBatchSettings;
import io.invoicebridge.queued.StoredQueuedBatch;
import io.invoicebridge.testing.TestConfig;
import java.net.InetAddress;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every record that holds a secret (a credential, a signing key, a URL that may carry one) renders
 * without it: a {@code toString()} ends up in log lines, exception messages and debuggers.
 */
class SecretRenderingTest {

  private static final String SECRET = "s3cret-value-0123456789abcdef-never-print";
  private static final String SECRET_PATH = "/hooks/T000/" + SECRET;
  private static final String REDIS = "rediss://default:" + SECRET + "@redis.example.com:6379";

  static Stream<Arguments> recordsHoldingSecrets() {
    return Stream.of(
        Arguments.of("BridgeProperties", TestConfig.withSecrets(SECRET, REDIS)),
        Arguments.of("BridgeConfig", BridgeConfig.from(TestConfig.withSecrets(SECRET, REDIS))),
        Arguments.of(
            "FreeeSettings",
            new FreeeSettings(
                "id", SECRET, SECRET, 1L, URI.create("https://a.test"), URI.create("https://t"))),
        Arguments.of(
            "QueuedBatchSettings",
            new QueuedBatchSettings(null, SECRET, null, null, false, null, null, null, null)),
        Arguments.of(
            "TokenRecord",
            new TokenRecord(
                SECRET, Instant.EPOCH, SECRET + "-refresh", Instant.EPOCH, List.of("h"), null)),
        Arguments.of(
            "NewQueuedBatch",
            new NewQueuedBatch(
                "id", "hash", "key", "https://hooks.test" + SECRET_PATH, false, Instant.EPOCH)),
        Arguments.of(
            "StoredQueuedBatch",
            new StoredQueuedBatch(
                "id",
                Instant.EPOCH,
                false,
                "https://hooks.test" + SECRET_PATH + "?token=" + SECRET,
                List.of(),
                Map.of(),
                Set.of(),
                false,
                null)),
        Arguments.of(
            "Target",
            new CallbackTargets.Target(
                URI.create("https://hooks.test" + SECRET_PATH), InetAddress.getLoopbackAddress())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recordsHoldingSecrets")
  void toString_recordHoldingSecrets_namesTheRecordWithoutThem(String name, Object record) {
    String rendered = record.toString();

    assertTrue(rendered.startsWith(name + "["), rendered);
    assertFalse(rendered.contains(SECRET), rendered);
    assertFalse(rendered.contains(SECRET.substring(0, 12)), rendered);
    assertFalse(rendered.contains(TestConfig.TOKEN_ENCRYPTION_KEYS.substring(0, 12)), rendered);
  }
}
