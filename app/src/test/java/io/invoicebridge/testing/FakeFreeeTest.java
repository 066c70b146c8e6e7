package io.invoicebridge.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The fake's key behaviours, checked with a plain JDK client so the bridge is not involved. */
class FakeFreeeTest {

  private final FakeFreee fake = FakeFreee.start();
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void refresh_sameRefreshTokenTwice_secondIsInvalidGrant() throws Exception {
    // given
    String refreshToken = fake.issueRefreshToken();
    // when
    HttpResponse<String> first = refresh(refreshToken);
    HttpResponse<String> second = refresh(refreshToken);
    // then
    assertEquals(200, first.statusCode());
    JsonNode granted = json(first.body());
    assertEquals(21600, granted.get("expires_in").getIntValue());
    assertTrue(!granted.get("refresh_token").getStringValue().equals(refreshToken));
    assertEquals(401, second.statusCode());
    assertEquals("invalid_grant", json(second.body()).get("error").getStringValue());
    assertEquals(1, fake.refreshCount());
    assertEquals(1, fake.invalidGrantCount());
  }

  @Test
  void api_refreshedChain_oldAccessTokenExpired() throws Exception {
    // given
    JsonNode first = json(refresh(fake.issueRefreshToken()).body());
    String oldAccess = first.get("access_token").getStringValue();
    // when
    refresh(first.get("refresh_token").getStringValue());
    HttpResponse<String> answer =
        get("/iv/invoices/1?company_id=" + FakeFreee.COMPANY_ID, oldAccess);
    // then
    assertEquals(401, answer.statusCode());
    assertEquals("expired_access_token", json(answer.body()).get("code").getStringValue());
  }

  @Test
  void api_overMinuteLimit_answers429WithRateLimitHeaders() throws Exception {
    // given
    fake.rateLimit(2, Duration.ofSeconds(30));
    String access = accessToken();
    String path = "/api/1/partners?company_id=" + FakeFreee.COMPANY_ID + "&keyword=CUST";
    // when
    HttpResponse<String> first = get(path, access);
    get(path, access);
    HttpResponse<String> third = get(path, access);
    // then
    assertEquals(200, first.statusCode());
    assertEquals("1", first.headers().firstValue("x-ratelimit-remaining-minute").orElseThrow());
    assertEquals(429, third.statusCode());
    assertEquals("0", third.headers().firstValue("X-Ratelimit-Remaining-Minute").orElseThrow());
    Instant reset =
        Instant.parse(third.headers().firstValue("X-Ratelimit-Reset-Minute").orElseThrow());
    assertTrue(reset.isAfter(Instant.now()));
    assertNotNull(third.headers().firstValue("X-RateLimit-Limit").orElse(null));
    assertNotNull(third.headers().firstValue("X-Freee-Request-ID").orElse(null));
    assertEquals(1, fake.rateLimitedCount());
  }

  @Test
  void api_limitSpentByAnotherClient_answers429AndRecordsTheAnnouncedReset() throws Exception {
    // given
    fake.rateLimit(3, Duration.ofSeconds(30));
    String access = accessToken();
    String path = "/api/1/partners?company_id=" + FakeFreee.COMPANY_ID + "&keyword=CUST";
    // when
    fake.spendRateLimit(3);
    HttpResponse<String> refused = get(path, access);
    // then
    assertEquals(429, refused.statusCode());
    FakeFreee.Refusal refusal = fake.rateLimitRefusals().getFirst();
    assertEquals(1, fake.rateLimitRefusals().size());
    assertEquals(
        refused.headers().firstValue("X-Ratelimit-Reset-Minute").orElseThrow(),
        refusal.announcedReset().toString());
    assertEquals(fake.apiCallTimes().getFirst(), refusal.at());
  }

  @Test
  void api_hourSpent_answers429WithTheHourAlignedResetAndAllThreeWindowsHeaders() throws Exception {
    // given: an hour of 2 calls, 10 s long and aligned on the epoch like freee's clock hour
    fake.hourLimit(2, Duration.ofSeconds(10)).dayLimit(100, Duration.ofSeconds(240));
    String access = accessToken();
    String path = "/api/1/partners?company_id=" + FakeFreee.COMPANY_ID + "&keyword=CUST";
    // when
    fake.spendHour();
    HttpResponse<String> refused = get(path, access);
    // then
    assertEquals(429, refused.statusCode());
    Instant reset = Instant.parse(refused.headers().firstValue("X-RateLimit-Reset").orElseThrow());
    assertEquals(0, reset.toEpochMilli() % 10_000);
    assertEquals("0", refused.headers().firstValue("X-RateLimit-Remaining").orElseThrow());
    assertEquals("2", refused.headers().firstValue("X-RateLimit-Limit").orElseThrow());
    assertEquals("100", refused.headers().firstValue("X-RateLimit-Limit-Day").orElseThrow());
    Instant dayReset =
        Instant.parse(refused.headers().firstValue("X-RateLimit-Reset-Day").orElseThrow());
    assertEquals(0, dayReset.toEpochMilli() % 240_000);
    assertEquals(reset, fake.rateLimitRefusals().getFirst().announcedReset());
  }

  @Test
  void api_excessiveAccessBlock_answers403UntilItEnds() throws Exception {
    // given
    String access = accessToken();
    String path = "/api/1/partners?company_id=" + FakeFreee.COMPANY_ID + "&keyword=CUST";
    fake.blockExcessiveAccessAfter(1, Duration.ofMinutes(5));
    // when
    HttpResponse<String> before = get(path, access);
    HttpResponse<String> blocked = get(path, access);
    // then
    assertEquals(200, before.statusCode());
    assertEquals(403, blocked.statusCode());
    assertEquals(1, fake.blockedCalls().size());
    assertEquals(403, json(blocked.body()).get("status_code").getIntValue());
  }

  @Test
  void createInvoice_invalidFields_answers400WithEveryMessage() throws Exception {
    // given
    String body =
        """
        {"company_id":%d,"billing_date":"2026/09/30","partner_code":"NOPE","partner_title":"殿",
         "tax_entry_method":"out","tax_fraction":"omit","withholding_tax_entry_method":"out",
         "lines":[{"type":"item","quantity":1,"unit_price":100,"tax_rate":5}]}
        """
            .formatted(FakeFreee.COMPANY_ID);
    // when
    HttpResponse<String> answer = post("/iv/invoices", body, accessToken());
    // then
    assertEquals(400, answer.statusCode());
    JsonNode errors = json(answer.body()).get("errors").get(0);
    assertEquals("validation", errors.get("type").getStringValue());
    assertEquals(4, errors.get("messages").size(), answer.body());
    assertEquals(0, fake.invoiceCount());
  }

  @Test
  void createInvoice_valid_storedWithIdAndNumber() throws Exception {
    // given
    String body =
        FakeHttp.JSON.writeValueAsString(
            TestInvoices.body("k1", LocalDate.of(2026, 9, 30), 101).json());
    // when
    HttpResponse<String> answer = post("/iv/invoices", body, accessToken());
    // then
    assertEquals(201, answer.statusCode());
    JsonNode invoice = json(answer.body()).get("invoice");
    assertEquals("INV-0000001", invoice.get("invoice_number").getStringValue());
    assertEquals(1, fake.invoicesWithMemoContaining(TestInvoices.marker("k1")));
  }

  @Test
  void createInvoice_dropAfterCreate_storesAndClientSeesIoError() throws Exception {
    // given
    fake.dropAfterNextCreates(1);
    String body =
        FakeHttp.JSON.writeValueAsString(
            TestInvoices.body("k2", LocalDate.of(2026, 9, 30), 101).json());
    String access = accessToken();
    // when / then
    assertThrows(IOException.class, () -> post("/iv/invoices", body, access));
    assertEquals(1, fake.invoicesWithMemoContaining(TestInvoices.marker("k2")));
  }

  private String accessToken() throws Exception {
    return json(refresh(fake.issueRefreshToken()).body()).get("access_token").getStringValue();
  }

  private HttpResponse<String> refresh(String refreshToken) throws Exception {
    String form =
        "grant_type=refresh_token&client_id="
            + FakeFreee.CLIENT_ID
            + "&client_secret="
            + FakeFreee.CLIENT_SECRET
            + "&refresh_token="
            + URLEncoder.encode(refreshToken, StandardCharsets.UTF_8);
    return http.send(
        HttpRequest.newBuilder(URI.create(fake.tokenUrl()))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path, String access) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(fake.apiBaseUrl() + path))
            .header("Authorization", "Bearer " + access)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> post(String path, String json, String access)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(fake.apiBaseUrl() + path))
            .header("Authorization", "Bearer " + access)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(String body) {
    return FakeHttp.jsonBody(body);
  }
}
