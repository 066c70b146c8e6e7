package io.invoicebridge.config;

import io.micronaut.core.annotation.Nullable;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * How a secret, or a URL that may carry one, appears in a {@code toString()}: never its value. A
 * rendering ends up in log lines, exception messages and debuggers.
 */
public final class Redacted {

  private static final String HIDDEN = "(redacted)";

  private Redacted() {}

  /** {@code null} when unset, else a fixed word: not even the length is shown. */
  public static String secret(@Nullable String value) {
    return value == null ? "null" : HIDDEN;
  }

  /**
   * Only {@code scheme://host[:port]}: user info (a Redis password), path and query (a webhook's
   * token) may hold credentials.
   */
  public static String origin(@Nullable URI url) {
    if (url == null) {
      return "null";
    }
    if (url.getScheme() == null || url.getHost() == null) {
      return HIDDEN;
    }
    String port = url.getPort() < 0 ? "" : ":" + url.getPort();
    return url.getScheme() + "://" + url.getHost() + port;
  }

  /** {@link #origin(URI)} of a URL given as text; a text that is no URL is hidden whole. */
  public static String origin(@Nullable String url) {
    if (url == null) {
      return "null";
    }
    try {
      return origin(new URI(url));
    } catch (URISyntaxException e) {
      return HIDDEN;
    }
  }
}
