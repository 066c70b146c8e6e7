package io.invoicebridge.health;

import io.invoicebridge.logging.RequestLogContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /v1/preflight}: the operations checklist (docs/operations.md) as live checks. Always
 * 200 when the checks ran (the verdict is in the body); {@code ?probe=freee} adds one cheap read at
 * freee.
 */
@Controller("/v1/preflight")
@ExecuteOn(TaskExecutors.BLOCKING)
@ApiResponse(responseCode = "401", ref = "#/components/responses/Unauthorized")
public class PreflightController {

  private final List<PreflightCheck> checks;

  public PreflightController(List<PreflightCheck> checks) {
    this.checks = checks;
  }

  @Get
  @Operation(
      operationId = "preflight",
      summary = "The operations checklist, evaluated live",
      description = "Always 200 once the checks ran: the verdict is in the body.")
  @ApiResponse(responseCode = "200", description = "Each check's verdict, and the worst of them")
  public PreflightReport preflight(
      HttpRequest<?> request,
      @Parameter(
              description = "freee: add one cheap read at freee with the current token",
              schema = @Schema(allowableValues = "freee"))
          @QueryValue
          @Nullable
          String probe) {
    try (var log = RequestLogContext.open(request)) {
      boolean probeFreee = "freee".equals(probe);
      List<CheckResult> results = new ArrayList<>();
      checks.forEach(check -> results.addAll(check.run(probeFreee)));
      return PreflightReport.of(results);
    }
  }
}
