package io.invoicebridge.health;

import io.invoicebridge.logging.RequestLogContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /v1/preflight}: the README's operations checklist as live checks. Always 200 when the
 * checks ran (the verdict is in the body); {@code ?probe=freee} adds one cheap read at freee.
 */
@Controller("/v1/preflight")
@ExecuteOn(TaskExecutors.BLOCKING)
public class PreflightController {

  private final List<PreflightCheck> checks;

  public PreflightController(List<PreflightCheck> checks) {
    this.checks = checks;
  }

  @Get
  public PreflightReport preflight(HttpRequest<?> request, @QueryValue @Nullable String probe) {
    try (var log = RequestLogContext.open(request)) {
      boolean probeFreee = "freee".equals(probe);
      List<CheckResult> results = new ArrayList<>();
      checks.forEach(check -> results.addAll(check.run(probeFreee)));
      return PreflightReport.of(results);
    }
  }
}
