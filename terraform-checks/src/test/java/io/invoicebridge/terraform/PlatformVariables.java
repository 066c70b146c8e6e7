package io.invoicebridge.terraform;

import java.util.Set;

/**
 * The only environment variables that are not app configuration. Keep both lists short and
 * explicit: anything else a stack sets must be a variable the app reads.
 */
final class PlatformVariables {

  /** Set by Terraform for the platform, not read by the app's configuration. */
  static final Set<String> SET_BY_TERRAFORM =
      Set.of(
          // AWS: JVM flags that shorten cold starts.
          "JAVA_TOOL_OPTIONS",
          // Azure: host.json's functionTimeout, kept above REQUEST_TIMEOUT_MS.
          "AzureFunctionsJobHost__functionTimeout",
          // Azure: host.json's queues.maxDequeueCount, kept above BATCH_MAX_ATTEMPTS.
          "AzureFunctionsJobHost__extensions__queues__maxDequeueCount",
          // Google: the project for the logs' trace field (the GCP adapter reads it).
          "GOOGLE_CLOUD_PROJECT");

  /**
   * Read by the app, set by the cloud module that creates the asynchronous batches' queue (its kind
   * and addresses), not by app-config: only that module knows them.
   */
  static final Set<String> SET_BY_QUEUE_MODULE =
      Set.of(
          "BATCH_QUEUE",
          "BATCH_QUEUE_URL",
          "BATCH_DEAD_LETTER_QUEUE_URL",
          "BATCH_WORKER_URL",
          // Azure: the queue trigger's queue name and identity-based connection.
          "BATCH_QUEUE_NAME",
          "BatchQueueStorage__queueServiceUri");

  /**
   * Read by the app but provided by the platform itself (Cloud Run sets PORT; each platform names
   * the function: Lambda, Cloud Run and Azure's app service); Terraform must not set them.
   */
  static final Set<String> PROVIDED_BY_PLATFORM =
      Set.of("PORT", "AWS_LAMBDA_FUNCTION_NAME", "K_SERVICE", "WEBSITE_SITE_NAME");

  private PlatformVariables() {}
}
