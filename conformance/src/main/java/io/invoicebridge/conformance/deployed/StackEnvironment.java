package io.invoicebridge.conformance.deployed;

import io.invoicebridge.conformance.ConformanceTarget;
import io.invoicebridge.testing.FakeFreee;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment variables every Terraform stack gives the function (the names and value formats
 * of {@code terraform/modules/app-config}: its plain {@code environment} and its {@code secrets}),
 * pointed at the fake freee and the test Redis instead of freee and Upstash.
 */
public final class StackEnvironment {

  /** The stacks' {@code BATCH_CALLBACK_SECRET} (a secret every stack requires). */
  public static final String CALLBACK_SECRET = "as-deployed-callback-secret-0123456789";

  /**
   * The stacks' {@code TOKEN_ENCRYPTION_KEYS}: what Terraform's {@code random_bytes} writes after a
   * key rotation, the new key first and the previous one behind it.
   */
  public static final String TOKEN_ENCRYPTION_KEYS =
      "dwt+x/GpWiCWm+E4WXCFBkRTjdPe000X8VGHR01VGjY=,a7RaIaoE9lC1fS/FiI8jxFvbQhhM6wnQGUvJrBKV6iQ=";

  private StackEnvironment() {}

  /** A real (not dry-run) bridge with a shared Redis, as a deployment runs it. */
  public static Map<String, String> of(FakeFreee freee, URI redisUrl) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("RUN_TOKEN", ConformanceTarget.RUN_TOKEN);
    // What every stack sets while no rotation is under way: the current token again.
    env.put("RUN_TOKEN_PREVIOUS", ConformanceTarget.RUN_TOKEN);
    env.put("FREEE_CLIENT_ID", FakeFreee.CLIENT_ID);
    env.put("FREEE_CLIENT_SECRET", FakeFreee.CLIENT_SECRET);
    env.put("FREEE_REFRESH_TOKEN", freee.issueRefreshToken());
    env.put("REDIS_URL", redisUrl.toString());
    env.put("TOKEN_ENCRYPTION_KEYS", TOKEN_ENCRYPTION_KEYS);
    env.put("BATCH_CALLBACK_SECRET", CALLBACK_SECRET);
    env.put("FREEE_COMPANY_ID", Long.toString(FakeFreee.COMPANY_ID));
    env.put("FREEE_DRY_RUN", "false");
    env.put("ENABLE_STRUCTURED_LOGGING", "true");
    env.put("FREEE_API_BASE_URL", freee.apiBaseUrl());
    env.put("FREEE_TOKEN_URL", freee.tokenUrl());
    // Above the fake's own 30/min so its limit, not the bridge's pacing, sets the pace of a test:
    // the hour and the day at their highest, or the day's spread would space calls seconds apart.
    env.put("RATE_LIMIT_PER_MINUTE", "600");
    env.put("RATE_LIMIT_PER_HOUR", "360000");
    env.put("RATE_LIMIT_PER_DAY", "8640000");
    env.put("CONCURRENT_FREEE_CALLS", "2");
    env.put("RETRY_MAX_ATTEMPTS", "3");
    env.put("REQUEST_TIMEOUT_MS", "25000");
    env.put("MAX_BATCH_SIZE", "500");
    env.put("BATCH_MAX_ATTEMPTS", "5");
    env.put("BATCH_CALLBACK_PORT", "443");
    return env;
  }
}
