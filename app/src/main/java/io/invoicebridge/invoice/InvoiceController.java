package io.invoicebridge.invoice;

import io.invoicebridge.config.BridgeConfig;
import io.invoicebridge.invoice.validation.InvoiceValidator;
import io.invoicebridge.ledger.Ledger;
import io.invoicebridge.logging.RequestLogContext;
import io.invoicebridge.problem.InvalidParameterException;
import io.invoicebridge.problem.MissingParameterException;
import io.invoicebridge.problem.Problem;
import io.invoicebridge.problem.ProblemResponses;
import io.invoicebridge.problem.ProblemType;
import io.invoicebridge.timing.RequestDeadlines;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Clock;
import java.util.List;

/** The v1 invoice API (docs/api.md). Authentication is the {@code RunTokenFilter}'s job. */
@Controller("/v1/invoices")
@ExecuteOn(TaskExecutors.BLOCKING)
@ApiResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
public class InvoiceController {

  private final BatchReader reader;
  private final BatchProcessor processor;
  private final Ledger ledger;
  private final BridgeConfig config;
  private final Clock clock;

  public InvoiceController(
      BatchReader reader,
      BatchProcessor processor,
      Ledger ledger,
      BridgeConfig config,
      Clock clock) {
    this.reader = reader;
    this.processor = processor;
    this.ledger = ledger;
    this.config = config;
    this.clock = clock;
  }

  @Post("/batch")
  @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL})
  @Operation(
      operationId = "createInvoiceBatch",
      summary = "Create a batch of invoices, each exactly once",
      description = "Resend the same batch while complete is false, after Retry-After.")
  @RequestBody(
      required = true,
      content = @Content(schema = @Schema(ref = "#/components/schemas/InvoiceBatch")))
  @ApiResponse(
      responseCode = "200",
      description = "A result per item",
      headers =
          @io.swagger.v3.oas.annotations.headers.Header(
              name = HttpHeaders.RETRY_AFTER,
              description = "While complete is false: seconds until a resend may help",
              schema = @Schema(type = "integer", minimum = "1")))
  @ApiResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
  @ApiResponse(responseCode = "413", ref = "#/components/responses/TooLarge")
  @ApiResponse(responseCode = "422", ref = "#/components/responses/Unprocessable")
  public MutableHttpResponse<BatchResponse> batch(
      HttpRequest<?> request, @Body @Nullable byte[] body) {
    try (var log = RequestLogContext.open(request)) {
      RequestDeadlines deadlines = deadlines();
      List<InvoiceItem> items = reader.readBatch(body);
      BatchResponse response =
          BatchResponse.of(processor.process(items, deadlines), config.dryRun());
      MutableHttpResponse<BatchResponse> http = HttpResponse.ok(response);
      response
          .retryAfter()
          .ifPresent(wait -> http.header(HttpHeaders.RETRY_AFTER, RetryAfter.seconds(wait)));
      return http;
    }
  }

  @Post
  @Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN, MediaType.ALL})
  @Operation(operationId = "createInvoice", summary = "Create one invoice exactly once")
  @RequestBody(
      required = true,
      content = @Content(schema = @Schema(ref = "#/components/schemas/InvoiceItem")))
  @ApiResponse(
      responseCode = "201",
      description = "Created now",
      content = @Content(schema = @Schema(implementation = ItemResult.class)))
  @ApiResponse(
      responseCode = "200",
      description = "Created earlier (Idempotent-Replayed: true), or a dry run",
      headers =
          @io.swagger.v3.oas.annotations.headers.Header(
              name = SingleItemResponses.REPLAYED_HEADER,
              description = "true when the invoice was created by an earlier request",
              schema = @Schema(type = "string", allowableValues = "true")),
      content = @Content(schema = @Schema(implementation = ItemResult.class)))
  @ApiResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
  @ApiResponse(responseCode = "409", ref = "#/components/responses/InProgress")
  @ApiResponse(responseCode = "413", ref = "#/components/responses/TooLarge")
  @ApiResponse(responseCode = "422", ref = "#/components/responses/Unprocessable")
  @ApiResponse(responseCode = "502", ref = "#/components/responses/FreeeFailure")
  @ApiResponse(responseCode = "503", ref = "#/components/responses/Unavailable")
  @ApiResponse(responseCode = "504", ref = "#/components/responses/DeadlineExceeded")
  public MutableHttpResponse<?> single(
      HttpRequest<?> request,
      @Parameter(ref = "#/components/parameters/IdempotencyKey")
          @Header("Idempotency-Key")
          @Nullable
          String key,
      @Body @Nullable byte[] body) {
    try (var log = RequestLogContext.open(request)) {
      RequestDeadlines deadlines = deadlines();
      if (!InvoiceValidator.validKey(key)) {
        throw new MissingParameterException(
            ProblemType.MISSING_IDEMPOTENCY_KEY,
            "Send an Idempotency-Key header of 1-128 characters of A-Z a-z 0-9 . _ : @ / -");
      }
      InvoiceItem item = reader.readSingle(body, key);
      return SingleItemResponses.of(processor.process(List.of(item), deadlines).getFirst());
    }
  }

  @Get
  @Operation(operationId = "lookUpKey", summary = "What the ledger knows about a key")
  @ApiResponse(
      responseCode = "200",
      description = "The key is created or in progress",
      content = @Content(schema = @Schema(implementation = KeyStatus.class)))
  @ApiResponse(responseCode = "400", ref = "#/components/responses/BadRequest")
  @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
  public MutableHttpResponse<?> lookup(
      HttpRequest<?> request,
      @Parameter(ref = "#/components/parameters/LookedUpKey") @QueryValue @Nullable String key) {
    try (var log = RequestLogContext.open(request)) {
      if (key == null || key.isEmpty()) {
        throw new MissingParameterException(
            ProblemType.MISSING_PARAMETER, "Give the key to look up: GET /v1/invoices?key=...");
      }
      if (!InvoiceValidator.validKey(key)) {
        throw new InvalidParameterException(
            "key", "A key is 1-128 characters of A-Z a-z 0-9 . _ : @ / -; no invoice has this one");
      }
      return ledger
          .find(key)
          .<MutableHttpResponse<?>>map(record -> HttpResponse.ok(KeyStatus.of(key, record)))
          .orElseGet(
              () ->
                  ProblemResponses.of(
                      Problem.of(ProblemType.NOT_FOUND, "The ledger knows nothing of this key")));
    }
  }

  private RequestDeadlines deadlines() {
    return RequestDeadlines.within(config.limits().requestTimeout(), clock);
  }
}
