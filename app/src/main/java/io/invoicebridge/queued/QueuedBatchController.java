package io.invoicebridge.queued;

import io.invoicebridge.invoice.BatchReader;
import io.invoicebridge.invoice.InvoiceItem;
import io.invoicebridge.invoice.validation.InvoiceValidator;
import io.invoicebridge.logging.RequestLogContext;
import io.invoicebridge.problem.InvalidParameterException;
import io.invoicebridge.problem.MissingParameterException;
import io.invoicebridge.problem.Problem;
import io.invoicebridge.problem.ProblemResponses;
import io.invoicebridge.problem.ProblemType;
import io.micronaut.context.BeanProvider;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The asynchronous batch API: {@code POST /v1/batches} validates exactly like {@code
 * /v1/invoices/batch}, records the batch, queues its items and answers 202 with its {@code
 * Location}; {@code GET /v1/batches/{id}} shows progress and results.
 */
@Controller(QueuedBatchController.PATH)
@ExecuteOn(TaskExecutors.BLOCKING)
@ApiResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
public class QueuedBatchController {

  static final String PATH = "/v1/batches";

  private final BatchReader reader;
  private final QueuedBatchSubmissions submissions;
  private final QueuedBatchStore store;
  private final BatchQueue queue;
  private final StoredItemsCodec stored;
  private final BeanProvider<LocalQueuedBatchWorker> localWorker;

  public QueuedBatchController(
      BatchReader reader,
      QueuedBatchSubmissions submissions,
      QueuedBatchStore store,
      BatchQueue queue,
      StoredItemsCodec stored,
      BeanProvider<LocalQueuedBatchWorker> localWorker) {
    this.reader = reader;
    this.submissions = submissions;
    this.store = store;
    this.queue = queue;
    this.stored = stored;
    this.localWorker = localWorker;
  }

  @Post
  @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL})
  @Operation(
      operationId = "submitBatch",
      summary = "Queue a batch of invoices; workers create each exactly once",
      description = "A submit answered 503 is safe to resend with the same Idempotency-Key.")
  @RequestBody(
      required = true,
      content = @Content(schema = @Schema(ref = "#/components/schemas/AsyncInvoiceBatch")))
  @ApiResponse(
      responseCode = "202",
      description = "Queued (or, for a known Idempotency-Key, the batch submitted before)",
      headers =
          @io.swagger.v3.oas.annotations.headers.Header(
              name = HttpHeaders.LOCATION,
              description = "Where to follow the batch",
              schema = @Schema(type = "string")),
      content = @Content(schema = @Schema(implementation = QueuedBatchAccepted.class)))
  @ApiResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
  @ApiResponse(responseCode = "413", ref = "#/components/responses/TooLarge")
  @ApiResponse(responseCode = "422", ref = "#/components/responses/Unprocessable")
  @ApiResponse(responseCode = "503", ref = "#/components/responses/Unavailable")
  public MutableHttpResponse<?> submit(
      HttpRequest<?> request,
      @Parameter(
              description = "Names the batch: a resubmit answers the same batch, never a second",
              schema = @Schema(pattern = "^[A-Za-z0-9._:@/-]{1,128}$"))
          @Header("Idempotency-Key")
          @Nullable
          String key,
      @Body @Nullable byte[] body) {
    try (var log = RequestLogContext.open(request)) {
      if (key != null && !InvoiceValidator.validKey(key)) {
        throw new MissingParameterException(
            ProblemType.MISSING_IDEMPOTENCY_KEY,
            "An Idempotency-Key header, when sent, is 1-128 characters of A-Z a-z 0-9 . _ : @ / -");
      }
      List<InvoiceItem> items = reader.readBatch(body);
      NewQueuedBatch batch = submissions.newBatch(items, submissions.callbackUrl(body), key);
      QueuedBatchStore.Submitted submitted =
          store.submit(batch, items.stream().map(stored::itemText).toList());
      if (submitted.earlier() && !submitted.bodyHash().equals(batch.bodyHash())) {
        return ProblemResponses.of(
            Problem.of(
                ProblemType.KEY_CONFLICT,
                "This Idempotency-Key was used for a different batch; use a new key"));
      }
      if (!submitted.earlier() || untouched(submitted.id())) {
        queue.send(
            IntStream.range(0, items.size())
                .mapToObj(i -> new QueuedBatchMessage(submitted.id(), i, 0))
                .toList());
        localWorker.ifPresent(LocalQueuedBatchWorker::wake);
      }
      String location = PATH + "/" + submitted.id();
      return HttpResponse.status(HttpStatus.ACCEPTED)
          .header(HttpHeaders.LOCATION, location)
          .body(
              new QueuedBatchAccepted(submitted.id(), location, items.size(), submitted.earlier()));
    } catch (QueuedBatchStoreUnavailableException e) {
      return unavailable(e);
    }
  }

  @Get("/{id}")
  @Operation(operationId = "showBatch", summary = "A batch's progress and per-item results")
  @ApiResponse(
      responseCode = "200",
      description = "The batch as it stands",
      content = @Content(schema = @Schema(implementation = QueuedBatchView.class)))
  @ApiResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
  @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
  @ApiResponse(responseCode = "503", ref = "#/components/responses/Unavailable")
  public MutableHttpResponse<?> show(HttpRequest<?> request, @PathVariable String id) {
    try (var log = RequestLogContext.open(request)) {
      if (!QueuedBatchIds.valid(id)) {
        throw new InvalidParameterException(
            "id", "A batch id is the UUID a submit answered with; no batch has this one");
      }
      return store
          .find(id)
          .<MutableHttpResponse<?>>map(batch -> HttpResponse.ok(QueuedBatchView.of(batch, stored)))
          .orElseGet(
              () ->
                  ProblemResponses.of(
                      Problem.of(ProblemType.NOT_FOUND, "No batch is known under this id")));
    } catch (QueuedBatchStoreUnavailableException e) {
      return unavailable(e);
    }
  }

  /**
   * Whether no worker has touched the batch yet. A resubmit of such a batch queues its items again:
   * the first submit may have recorded the batch and then failed to queue (its client saw 503);
   * should the first messages exist after all, a duplicate costs one ledger read.
   */
  private boolean untouched(String id) {
    return store.find(id).map(batch -> !batch.started()).orElse(false);
  }

  private static MutableHttpResponse<?> unavailable(QueuedBatchStoreUnavailableException e) {
    return ProblemResponses.of(
            Problem.of(
                ProblemType.UNAVAILABLE,
                "The batch store is unreachable (" + e.step() + "); it is safe to resend"))
        .header(HttpHeaders.RETRY_AFTER, "5");
  }
}
