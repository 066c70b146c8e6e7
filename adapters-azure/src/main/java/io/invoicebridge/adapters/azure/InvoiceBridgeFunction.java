package io.invoicebridge.adapters.azure;

import static com.microsoft.azure.functions.HttpMethod.CONNECT;
import static com.microsoft.azure.functions.HttpMethod.DELETE;
import static com.microsoft.azure.functions.HttpMethod.GET;
import static com.microsoft.azure.functions.HttpMethod.HEAD;
import static com.microsoft.azure.functions.HttpMethod.OPTIONS;
import static com.microsoft.azure.functions.HttpMethod.PATCH;
import static com.microsoft.azure.functions.HttpMethod.POST;
import static com.microsoft.azure.functions.HttpMethod.PUT;
import static com.microsoft.azure.functions.HttpMethod.TRACE;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.BindingName;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import com.microsoft.azure.functions.annotation.QueueTrigger;
import io.invoicebridge.queued.BatchQueue;
import io.invoicebridge.queued.Disposition;
import io.invoicebridge.queued.QueuedBatchMessage;
import io.invoicebridge.queued.QueuedBatchWorker;
import io.micronaut.azure.function.http.AzureHttpFunction;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.util.Optional;

/**
 * The Azure functions of the app: every HTTP method and path (host.json removes the {@code /api}
 * prefix) goes to the app's router, anonymous because the app itself checks {@code RUN_TOKEN}; and
 * the batch worker on the batch queue ({@code BATCH_QUEUE=azure-queue}).
 */
public class InvoiceBridgeFunction extends AzureHttpFunction {

  /** The Functions host creates the function with this constructor. */
  public InvoiceBridgeFunction() {}

  /** Starts the function with a context of the caller's making (tests, benchmarks). */
  public InvoiceBridgeFunction(ApplicationContextBuilder context) {
    super(context);
  }

  @FunctionName("invoice-bridge")
  public HttpResponseMessage invoke(
      @HttpTrigger(
              name = "request",
              route = "{*route}",
              authLevel = AuthorizationLevel.ANONYMOUS,
              methods = {GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS, TRACE, CONNECT})
          HttpRequestMessage<Optional<String>> request,
      ExecutionContext context) {
    return route(request, context);
  }

  /**
   * The batch worker: the host delivers each message of the batch queue (base64-decoded text) with
   * how often it was dequeued. A failure thrown here makes the host retry the message, and after
   * host.json's {@code maxDequeueCount} move it to the poison queue.
   */
  @FunctionName("batch-worker")
  public void work(
      @QueueTrigger(
              name = "message",
              queueName = "%BATCH_QUEUE_NAME%",
              connection = "BatchQueueStorage")
          String message,
      @BindingName("DequeueCount") long dequeueCount,
      ExecutionContext context)
      throws IOException {
    QueuedBatchMessage batchMessage =
        getApplicationContext()
            .getBean(JsonMapper.class)
            .readValue(message, QueuedBatchMessage.class);
    BatchQueue queue = getApplicationContext().getBean(BatchQueue.class);
    switch (getApplicationContext()
        .getBean(QueuedBatchWorker.class)
        .handle(batchMessage, (int) dequeueCount)) {
      case Disposition.Done done -> {}
      case Disposition.Later later -> queue.sendLater(later.next(), later.delay());
      case Disposition.GaveUp gaveUp -> queue.deadLetter(batchMessage, gaveUp.reason());
    }
  }
}
