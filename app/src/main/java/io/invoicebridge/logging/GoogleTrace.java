package io.invoicebridge.logging;

/**
 * Google Cloud Logging links a line to its trace only through {@code projects/PROJECT/traces/ID};
 * the Google adapter puts the project id on the request under this attribute.
 */
public final class GoogleTrace {

  public static final String PROJECT_ATTRIBUTE = "invoice-bridge.google-project";

  private GoogleTrace() {}
}
