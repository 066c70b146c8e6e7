package io.invoicebridge.testing;

import io.micronaut.context.ApplicationContext;
import java.util.HashMap;
import java.util.Map;

/**
 * One bridge instance's application context (no HTTP server) wired to a {@link FakeFreee}, with
 * in-memory stores and fast local pacing so tests are paced by the fake's limit, not the bridge's.
 */
public final class FreeeTestApp {

  public static final String RUN_TOKEN = "test-run-token-0123456789abcdefghijklmnop";

  private FreeeTestApp() {}

  public static ApplicationContext start(FakeFreee fake, String seedRefreshToken) {
    return start(fake, seedRefreshToken, Map.of());
  }

  public static ApplicationContext start(
      FakeFreee fake, String seedRefreshToken, Map<String, Object> overrides) {
    Map<String, Object> properties = properties(fake, seedRefreshToken);
    properties.put("bridge.rate-limit-per-minute", "6000");
    properties.putAll(overrides);
    return ApplicationContext.run(properties);
  }

  /** The settings that point one bridge instance at {@code fake} with its credentials. */
  public static Map<String, Object> properties(FakeFreee fake, String seedRefreshToken) {
    Map<String, Object> properties = new HashMap<>();
    properties.put("bridge.run-token", RUN_TOKEN);
    properties.put("bridge.freee-client-id", FakeFreee.CLIENT_ID);
    properties.put("bridge.freee-client-secret", FakeFreee.CLIENT_SECRET);
    properties.put("bridge.freee-refresh-token", seedRefreshToken);
    properties.put("bridge.freee-company-id", Long.toString(FakeFreee.COMPANY_ID));
    properties.put("bridge.freee-api-base-url", fake.apiBaseUrl());
    properties.put("bridge.freee-token-url", fake.tokenUrl());
    // Needed as soon as a test adds bridge.redis-url; unused in memory.
    properties.put("bridge.token-encryption-keys", TestConfig.TOKEN_ENCRYPTION_KEYS);
    properties.put("micronaut.http.services.freee-api.url", fake.apiBaseUrl());
    properties.put("micronaut.http.services.freee-token.url", fake.tokenUrl());
    // The hour and the day never bind unless a test sets them: spreading freee's 1,500 an hour
    // over the hour would pace every other test at one call in 2.4 s.
    properties.put("bridge.rate-limit-per-hour", "360000");
    properties.put("bridge.rate-limit-per-day", "8640000");
    return properties;
  }
}
