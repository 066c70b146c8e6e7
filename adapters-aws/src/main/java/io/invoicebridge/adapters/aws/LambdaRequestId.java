package io.invoicebridge.adapters.aws;

import com.amazonaws.services.lambda.runtime.Context;
import io.invoicebridge.logging.PlatformRequestId;
import io.micronaut.context.BeanContext;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The Lambda request id of the invocation being served, the id CloudWatch shows on the invocation's
 * START/END/REPORT lines, becomes the correlation id.
 */
@Singleton
final class LambdaRequestId implements PlatformRequestId {

  private final BeanContext beans;

  LambdaRequestId(BeanContext beans) {
    this.beans = beans;
  }

  /**
   * Micronaut's handler registers each invocation's {@link Context} as a singleton before it
   * dispatches the event (it sets no request attribute), and a Lambda instance serves one
   * invocation at a time, so the registered context is this request's.
   */
  @Override
  public Optional<String> of(HttpRequest<?> request) {
    return beans.findBean(Context.class).map(Context::getAwsRequestId);
  }
}
