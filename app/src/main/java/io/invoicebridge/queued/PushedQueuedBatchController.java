package io.invoicebridge.queued;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * Where a push queue (Cloud Tasks, {@code BATCH_QUEUE=cloud-tasks}) delivers one message: a POST
 * authenticated by the queue's own token ({@code auth.PushDeliveryVerifier}), not the run token.
 * 2xx means the message is settled (done, handed back as a new delayed task, or given up); any
 * other answer makes the queue retry it. Not part of the client API, so not in its description.
 */
@Hidden
@Controller(PushedQueuedBatchController.PATH)
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(property = QueuedBatchSettings.PREFIX + ".queue", value = "cloud-tasks")
public class PushedQueuedBatchController {

  public static final String PATH = QueuedBatchController.PATH + "/work";

  /** Cloud Tasks' count of earlier attempts at this task (0 on the first). */
  static final String RETRY_COUNT_HEADER = "X-CloudTasks-TaskRetryCount";

  private final QueuedBatchWorker worker;
  private final BatchQueue queue;

  public PushedQueuedBatchController(QueuedBatchWorker worker, BatchQueue queue) {
    this.worker = worker;
    this.queue = queue;
  }

  @Post
  public MutableHttpResponse<?> work(
      @Body QueuedBatchMessage message, @Header(RETRY_COUNT_HEADER) @Nullable Integer retries) {
    switch (worker.handle(message, retries == null ? 0 : retries + 1)) {
      case Disposition.Done done -> {}
      case Disposition.Later later -> queue.sendLater(later.next(), later.delay());
      case Disposition.GaveUp gaveUp -> queue.deadLetter(message, gaveUp.reason());
    }
    return HttpResponse.noContent();
  }
}
