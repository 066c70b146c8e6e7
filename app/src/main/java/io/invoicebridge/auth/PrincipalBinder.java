package io.invoicebridge.auth;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import jakarta.inject.Singleton;
import java.security.Principal;

/**
 * Binds the principal {@link RunTokenFilter} set on the request, so management's health endpoint
 * shows its details to callers with the run token (without micronaut-security, nothing else binds a
 * {@link Principal} argument).
 */
@Singleton
class PrincipalBinder implements TypedRequestArgumentBinder<Principal> {

  @Override
  public Argument<Principal> argumentType() {
    return Argument.of(Principal.class);
  }

  @Override
  public BindingResult<Principal> bind(
      ArgumentConversionContext<Principal> context, HttpRequest<?> source) {
    return source::getUserPrincipal;
  }
}
