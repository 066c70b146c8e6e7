package io.invoicebridge.freee.token;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.client.annotation.Client;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * freee's OAuth token endpoint ({@code FREEE_TOKEN_URL}, the full URL). freee wants the client
 * credentials in the form body, not in Basic auth. A non-2xx answer completes the future with an
 * {@code HttpClientResponseException}.
 */
@Client(id = "freee-token")
public interface FreeeTokenClient {

  @Post(produces = MediaType.APPLICATION_FORM_URLENCODED, consumes = MediaType.APPLICATION_JSON)
  CompletableFuture<HttpResponse<String>> token(@Body Map<String, String> form);
}
