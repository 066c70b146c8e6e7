package io.invoicebridge.metrics;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * What the platform says about where the function runs, bound in {@code application.yml} from the
 * variables each platform sets itself: {@code AWS_LAMBDA_FUNCTION_NAME} on Lambda, {@code
 * K_SERVICE} on Cloud Functions, {@code WEBSITE_SITE_NAME} on Azure Functions.
 */
@ConfigurationProperties(OperationsSettings.PREFIX)
public record OperationsSettings(
    @Nullable String awsLambdaFunctionName,
    @Nullable String googleService,
    @Nullable String azureSiteName) {

  public static final String PREFIX = "operations";

  /** The name events carry as {@code service}: the function's, else the application's. */
  public String service() {
    for (String name : new String[] {awsLambdaFunctionName, googleService, azureSiteName}) {
      if (name != null && !name.isBlank()) {
        return name;
      }
    }
    return "invoice-bridge";
  }

  /** On Lambda, CloudWatch Logs reads the Embedded Metric Format block from each line. */
  public boolean cloudWatch() {
    return awsLambdaFunctionName != null && !awsLambdaFunctionName.isBlank();
  }
}
