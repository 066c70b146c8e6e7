package io.invoicebridge.freee;

import io.invoicebridge.config.BridgeConfig;
import io.invoicebridge.freee.token.TokenDeadlineExceededException;
import io.invoicebridge.freee.token.TokenRefreshFailedException;
import io.invoicebridge.freee.token.TokenStoreUnavailableException;
import io.invoicebridge.quota.CallKind;
import io.invoicebridge.quota.QuotaWaitPastDeadlineException;
import io.invoicebridge.quota.RateLimiterUnavailableException;
import io.invoicebridge.timing.Deadline;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * {@link InvoiceGateway} over freee's HTTP API. Failures to get a token, a rate-limit slot or the
 * shared state happen before anything is sent, so they are certain ({@code uncertain=false}).
 */
@Singleton
public class FreeeInvoiceGateway implements InvoiceGateway {

  private final FreeeApiClient api;
  private final FreeeCaller caller;
  private final CreateOutcomeMapper outcomes;
  private final FreeeInvoiceFinder finder;
  private final JsonMapper json;
  private final @Nullable Long companyId;

  FreeeInvoiceGateway(
      FreeeApiClient api,
      FreeeCaller caller,
      CreateOutcomeMapper outcomes,
      FreeeInvoiceFinder finder,
      JsonMapper json,
      BridgeConfig config) {
    this.api = api;
    this.caller = caller;
    this.outcomes = outcomes;
    this.finder = finder;
    this.json = json;
    this.companyId = config.freee().companyId();
  }

  @Override
  public CreateOutcome create(FreeeInvoiceBody body, Deadline deadline) {
    String payload = serialize(body);
    try {
      return caller
          .call(
              "POST /iv/invoices",
              CallKind.CREATE,
              deadline,
              auth -> api.createInvoice(auth, payload))
          .map(outcomes::map)
          .orElseGet(() -> new CreateOutcome.NotSent("no time left to create", Optional.empty()));
    } catch (QuotaWaitPastDeadlineException e) {
      return new CreateOutcome.NotSent(e.getMessage(), Optional.of(e.quotaWait().until()));
    } catch (FreeeOutageException e) {
      return new CreateOutcome.NotSent(e.getMessage(), Optional.of(e.retryAt()));
    } catch (TokenDeadlineExceededException e) {
      return new CreateOutcome.NotSent(e.getMessage(), Optional.empty());
    } catch (TokenRefreshFailedException e) {
      return new CreateOutcome.Failed("no freee access token: " + e.getMessage(), false, null);
    } catch (TokenStoreUnavailableException | RateLimiterUnavailableException e) {
      return new CreateOutcome.Failed(e.getMessage(), false, null);
    }
  }

  @Override
  public LookupOutcome find(ReconcileQuery query, Deadline deadline) {
    if (companyId == null) {
      return new LookupOutcome.Incomplete("FREEE_COMPANY_ID is not configured");
    }
    try {
      return finder.find(query, companyId, deadline);
    } catch (TokenDeadlineExceededException
        | FreeeOutageException
        | TokenRefreshFailedException
        | TokenStoreUnavailableException
        | QuotaWaitPastDeadlineException
        | RateLimiterUnavailableException e) {
      return new LookupOutcome.Incomplete(e.getMessage());
    }
  }

  private String serialize(FreeeInvoiceBody body) {
    try {
      return json.writeValueAsString(body.json());
    } catch (IOException e) {
      throw new UncheckedIOException("a JSON tree always serializes", e);
    }
  }
}
