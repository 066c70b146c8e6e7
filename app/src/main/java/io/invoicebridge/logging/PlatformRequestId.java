package io.invoicebridge.logging;

import io.micronaut.http.HttpRequest;
import java.util.Optional;

/**
 * The id a cloud gave this invocation (the Lambda request id, the Azure invocation id). A cloud
 * adapter contributes one bean of this type; the app itself knows none.
 */
public interface PlatformRequestId {

  Optional<String> of(HttpRequest<?> request);
}
