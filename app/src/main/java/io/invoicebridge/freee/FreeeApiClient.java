package io.invoicebridge.freee;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.client.annotation.Client;
import java.util.concurrent.CompletableFuture;

/**
 * freee's invoice and accounting APIs (one host, {@code FREEE_API_BASE_URL}). Every method returns
 * freee's answer unparsed so callers bound the wait by their deadline and read headers themselves;
 * a non-2xx answer completes the future with an {@code HttpClientResponseException}. {@code
 * authorization} is the whole header value, {@code "Bearer <access token>"}.
 */
@Client(id = "freee-api")
public interface FreeeApiClient {

  @Post(
      uri = "/iv/invoices",
      produces = MediaType.APPLICATION_JSON,
      consumes = MediaType.APPLICATION_JSON)
  CompletableFuture<HttpResponse<String>> createInvoice(
      @Header(HttpHeaders.AUTHORIZATION) String authorization, @Body String json);

  /** One page of invoices; freee returns no total, so a short page is the last one. */
  @Get(uri = "/iv/invoices", consumes = MediaType.APPLICATION_JSON)
  CompletableFuture<HttpResponse<String>> listInvoices(
      @Header(HttpHeaders.AUTHORIZATION) String authorization,
      @QueryValue("company_id") long companyId,
      @QueryValue("start_billing_date") String startBillingDate,
      @QueryValue("end_billing_date") String endBillingDate,
      @Nullable @QueryValue("partner_ids") String partnerIds,
      @QueryValue("limit") int limit,
      @QueryValue("offset") int offset);

  /** The accounting API's partner search; {@code keyword} matches code, name and kana. */
  @Get(uri = "/api/1/partners", consumes = MediaType.APPLICATION_JSON)
  CompletableFuture<HttpResponse<String>> listPartners(
      @Header(HttpHeaders.AUTHORIZATION) String authorization,
      @QueryValue("company_id") long companyId,
      @QueryValue("keyword") String keyword,
      @QueryValue("limit") int limit,
      @QueryValue("offset") int offset);
}
