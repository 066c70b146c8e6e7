package io.invoicebridge.adapters.azure;

import io.micronaut.http.HttpMethod;

/**
 * For scripts/cold-start.sh: what a fresh Azure worker does before its first answer, which is to
 * construct the function class (as the host does, settings from the environment) and serve one
 * request. Exits 0 when {@code GET /health} answered 200.
 */
public final class ColdStart {

  private ColdStart() {}

  public static void main(String[] args) {
    InvoiceBridgeFunction function = new InvoiceBridgeFunction();
    int status =
        function
            .invoke(
                function.request(HttpMethod.GET, "/health").buildEncoded(),
                new Invocation("cold-start"))
            .getStatusCode();
    System.out.println("status " + status);
    System.exit(status == 200 ? 0 : 1);
  }
}
