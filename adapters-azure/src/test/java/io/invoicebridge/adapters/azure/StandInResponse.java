package io.invoicebridge.adapters.azure;

import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatusType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the function returns through the worker's response builder: status, headers, body. */
record StandInResponse(int status, Map<String, List<String>> headers, Object body)
    implements HttpResponseMessage {

  @Override
  public HttpStatusType getStatus() {
    return HttpStatusType.custom(status);
  }

  @Override
  public int getStatusCode() {
    return status;
  }

  @Override
  public String getHeader(String name) {
    return headers.entrySet().stream()
        .filter(header -> header.getKey().equalsIgnoreCase(name))
        .map(header -> header.getValue().getFirst())
        .findFirst()
        .orElse(null);
  }

  @Override
  public Object getBody() {
    return body;
  }

  byte[] bytes() {
    return switch (body) {
      case null -> new byte[0];
      case byte[] raw -> raw;
      default -> body.toString().getBytes(StandardCharsets.UTF_8);
    };
  }

  /** The builder {@code createResponseBuilder} hands out; repeated headers are kept. */
  static final class Builder implements HttpResponseMessage.Builder {

    private int status;
    private final Map<String, List<String>> headers = new LinkedHashMap<>();
    private Object body;

    Builder(int status) {
      this.status = status;
    }

    @Override
    public HttpResponseMessage.Builder status(HttpStatusType status) {
      this.status = status.value();
      return this;
    }

    @Override
    public HttpResponseMessage.Builder header(String name, String value) {
      headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
      return this;
    }

    @Override
    public HttpResponseMessage.Builder body(Object body) {
      this.body = body;
      return this;
    }

    @Override
    public HttpResponseMessage build() {
      return new StandInResponse(status, headers, body);
    }
  }
}
