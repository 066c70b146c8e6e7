package io.invoicebridge.config;

import io.micronaut.core.annotation.Nullable;
import java.net.URI;

/**
 * How to reach freee. The credentials are null only in dry run. {@code seedRefreshToken} only seeds
 * the shared token store (docs/configuration.md, "freee tokens").
 */
public record FreeeSettings(
    @Nullable String clientId,
    @Nullable String clientSecret,
    @Nullable String seedRefreshToken,
    @Nullable Long companyId,
    URI apiBaseUrl,
    URI tokenUrl) {

  public boolean hasCredentials() {
    return clientId != null && clientSecret != null && seedRefreshToken != null;
  }

  /** The namespace of this company's records in a shared store. */
  public String companyNamespace() {
    return companyId == null ? "no-company" : Long.toString(companyId);
  }

  @Override
  public String toString() {
    return "FreeeSettings[companyId=" + companyId + ", apiBaseUrl=" + apiBaseUrl + "]";
  }
}
