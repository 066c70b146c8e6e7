package io.invoicebridge.adapters.azure;

import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.HttpStatusType;
import java.net.URI;
import java.util.Map;
import java.util.Optional;

/** An HTTP trigger's request as the Java worker builds it: lower-case headers, a text body. */
record StandInRequest(
    URI uri,
    HttpMethod method,
    Map<String, String> headers,
    Map<String, String> queryParameters,
    Optional<String> body)
    implements HttpRequestMessage<Optional<String>> {

  @Override
  public URI getUri() {
    return uri;
  }

  @Override
  public HttpMethod getHttpMethod() {
    return method;
  }

  @Override
  public Map<String, String> getHeaders() {
    return headers;
  }

  @Override
  public Map<String, String> getQueryParameters() {
    return queryParameters;
  }

  @Override
  public Optional<String> getBody() {
    return body;
  }

  @Override
  public HttpResponseMessage.Builder createResponseBuilder(HttpStatus status) {
    return new StandInResponse.Builder(status.value());
  }

  @Override
  public HttpResponseMessage.Builder createResponseBuilder(HttpStatusType status) {
    return new StandInResponse.Builder(status.value());
  }
}
