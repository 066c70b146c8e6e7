package io.invoicebridge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.Application;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Starts the real main class in a fresh JVM, as an operator would, with a broken environment. */
class StartupFailureTest {

  private static final String SECRET = "client-secret-that-must-never-be-printed";

  @Test
  void main_invalidEnvironment_exitsWithOneLineNamingVariablesAndNoSecret() throws Exception {
    Exit exit =
        run(
            Map.of(
                "RUN_TOKEN", "too-short",
                "FREEE_CLIENT_SECRET", SECRET,
                "RATE_LIMIT_PER_MINUTE", "lots",
                "REQUEST_TIMEOUT_MS", "1500",
                "REDIS_URL", "rediss://default:" + SECRET + "@"));

    String line = exit.onlyErrorLine();

    assertTrue(line.startsWith("invoice-bridge: invalid configuration: "));
    assertTrue(line.contains("RUN_TOKEN must be at least 32 characters long"));
    assertTrue(line.contains("RATE_LIMIT_PER_MINUTE must be a whole number"));
    assertTrue(line.contains("FREEE_COMPANY_ID is required"));
    assertTrue(line.contains("REQUEST_TIMEOUT_MS must be a whole number from 2000 to 3595000"));
    assertTrue(line.contains("REDIS_URL must be a redis:// or rediss:// URL"));
    assertFalse(exit.output().contains(SECRET));
    assertFalse(exit.output().contains("at io."), "no stack trace");
  }

  @Test
  void main_invalidBatchSetting_exitsWithOneLineNamingIt() throws Exception {
    Exit exit =
        run(
            Map.of(
                "RUN_TOKEN", "a-run-token-long-enough-0123456789abcdef",
                "FREEE_DRY_RUN", "true",
                "BATCH_MAX_ATTEMPTS", "many"));

    assertTrue(
        exit.onlyErrorLine().contains("BATCH_MAX_ATTEMPTS must be a whole number"), exit.stderr());
  }

  @Test
  void main_redisWithoutTokenEncryptionKeys_exitsWithOneLineNamingTheVariable() throws Exception {
    Exit exit =
        run(
            Map.of(
                "RUN_TOKEN", "a-run-token-long-enough-0123456789abcdef",
                "FREEE_CLIENT_ID", "client-id",
                "FREEE_CLIENT_SECRET", SECRET,
                "FREEE_REFRESH_TOKEN", "refresh-token",
                "FREEE_COMPANY_ID", "1234567",
                "REDIS_URL", "rediss://invoice-bridge:" + SECRET + "@eu1.upstash.io:6379"));

    assertTrue(
        exit.onlyErrorLine().contains("TOKEN_ENCRYPTION_KEYS is required when REDIS_URL is set"),
        exit.stderr());
    assertFalse(exit.output().contains(SECRET));
  }

  /** What the JVM wrote before it stopped by itself, and its exit code. */
  private record Exit(int code, String stderr, String stdout) {

    /** The one line a refused configuration writes, after checking the exit code says so. */
    String onlyErrorLine() {
      List<String> errorLines = stderr.lines().filter(line -> !line.isBlank()).toList();
      assertEquals(2, code, stderr);
      assertEquals(1, errorLines.size(), () -> "stderr was:\n" + stderr);
      return errorLines.getFirst();
    }

    String output() {
      return stderr + stdout;
    }
  }

  private static Exit run(Map<String, String> environment) throws Exception {
    Process process = start(environment);
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the JVM should stop by itself");
    String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new Exit(process.exitValue(), stderr, stdout);
  }

  private static Process start(Map<String, String> environment) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
            java, "-cp", System.getProperty("java.class.path"), Application.class.getName());
    builder
        .environment()
        .keySet()
        .removeIf(
            name ->
                name.startsWith("FREEE_")
                    || name.startsWith("RUN_TOKEN")
                    || name.equals("REDIS_URL")
                    || name.equals("TOKEN_ENCRYPTION_KEYS"));
    builder.environment().putAll(environment);
    return builder.start();
  }
}
