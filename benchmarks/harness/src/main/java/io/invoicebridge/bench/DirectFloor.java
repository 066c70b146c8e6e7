package io.invoicebridge.bench;

import io.invoicebridge.testing.FakeFreee;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The floor under the throughput benchmark, with nothing of ours: C threads of the JDK's HTTP
 * client post the same creates straight to the fake freee. Its wall time against the ideal is what
 * the fake and loopback HTTP cost by themselves on this machine; the bridge's against this is what
 * the bridge adds.
 */
final class DirectFloor {

  private DirectFloor() {}

  /** Wall milliseconds for {@code items} creates, {@code concurrency} at a time. */
  static long run(FakeFreee fake, String prefix, int items, int concurrency) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    String accessToken = accessToken(http, fake);
    AtomicInteger next = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(concurrency);
    try {
      long started = System.nanoTime();
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < concurrency; t++) {
        running.add(
            threads.submit(
                () -> {
                  int i;
                  while ((i = next.getAndIncrement()) < items) {
                    create(http, fake, accessToken, prefix + "-" + i, i);
                  }
                  return null;
                }));
      }
      for (Future<?> thread : running) {
        thread.get();
      }
      return (System.nanoTime() - started) / 1_000_000;
    } finally {
      threads.shutdownNow();
    }
  }

  private static void create(HttpClient http, FakeFreee fake, String token, String memo, int i)
      throws IOException, InterruptedException {
    String body =
        """
        {"company_id":%d,"billing_date":"2026-11-30","payment_date":"2026-12-31",
         "partner_id":101,"partner_title":"御中","subject":"11月分 ご請求",
         "tax_entry_method":"out","tax_fraction":"omit","withholding_tax_entry_method":"out",
         "memo":"%s","lines":[{"type":"item","description":"保守作業","quantity":1,"unit":"式",
                   "unit_price":"1000%d","tax_rate":10}]}"""
            .formatted(FakeFreee.COMPANY_ID, memo, i);
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(fake.apiBaseUrl() + "/iv/invoices"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException(
          "fake answered " + response.statusCode() + ": " + response.body());
    }
  }

  private static String accessToken(HttpClient http, FakeFreee fake) throws Exception {
    String form =
        "grant_type=refresh_token&client_id="
            + enc(FakeFreee.CLIENT_ID)
            + "&client_secret="
            + enc(FakeFreee.CLIENT_SECRET)
            + "&refresh_token="
            + enc(fake.issueRefreshToken());
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(fake.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    try {
      JsonNode json = JsonMapper.createDefault().readValue(response.body(), JsonNode.class);
      return json.get("access_token").getStringValue();
    } catch (IOException e) {
      throw new UncheckedIOException(response.body(), e);
    }
  }

  private static String enc(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
