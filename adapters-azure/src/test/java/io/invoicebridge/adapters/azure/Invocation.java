package io.invoicebridge.adapters.azure;

import com.microsoft.azure.functions.ExecutionContext;
import java.util.logging.Logger;

/** The execution context the Functions host gives one invocation. */
record Invocation(String invocationId) implements ExecutionContext {

  private static final Logger LOGGER = Logger.getLogger("invoice-bridge");

  @Override
  public Logger getLogger() {
    return LOGGER;
  }

  @Override
  public String getInvocationId() {
    return invocationId;
  }

  @Override
  public String getFunctionName() {
    return "invoice-bridge";
  }
}
