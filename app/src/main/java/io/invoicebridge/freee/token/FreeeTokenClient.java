package io.invoicebridge.freee.token;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.client.annotation.Client;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * freee's OAuth token endpoint. freee wants the client credentials in the form body, not in Basic
 * auth. A non-2xx answer completes the future with an {@code HttpClientResponseException}.
 *
 * <p>{@code tokenUrl} is the whole {@code FREEE_TOKEN_URL}: Micronaut resolves a method's path
 * against a service URL that has a path of its own ({@code /public_api/token}) as a relative
 * reference and would drop its last segment, while an absolute request URL is used as given. The
 * {@code freee-token} service still supplies the timeouts.
 */
@Client(id = "freee-token")
public interface FreeeTokenClient {

  @Post(
      uri = "{+tokenUrl}",
      produces = MediaType.APPLICATION_FORM_URLENCODED,
      consumes = MediaType.APPLICATION_JSON)
  CompletableFuture<HttpResponse<String>> token(
      @PathVariable("tokenUrl") String tokenUrl, @Body Map<String, String> form);
}
