package io.invoicebridge.health;

import io.invoicebridge.health.HealthCheck.Probe;
import io.invoicebridge.health.HealthFinding.Status;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.runtime.ApplicationConfiguration;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * {@code /health}, {@code /health/liveness} and {@code /health/readiness}: 200 when every selected
 * check is UP, 503 otherwise. Callers that {@code RunTokenFilter} authenticated see each check's
 * details, evaluated afresh; anyone else the status only ({@link HealthChecks}). Our own
 * controller, not Micronaut's management endpoint: that one aggregates through Reactor, several
 * hundred classes a cold function loads before its first answer (benchmarks/README.md, "Cold
 * start").
 */
@Controller("/health")
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden // described by hand in src/main/openapi/health.yml: each check's details are its own
public class HealthController {

  private final HealthChecks checks;
  private final String applicationName;

  HealthController(HealthChecks checks, ApplicationConfiguration application) {
    this.checks = checks;
    this.applicationName = application.getName().orElse("invoice-bridge");
  }

  @Get
  HttpResponse<HealthAnswer> health(HttpRequest<?> request) {
    return answer(request, null);
  }

  @Get("/liveness")
  HttpResponse<HealthAnswer> liveness(HttpRequest<?> request) {
    return answer(request, Probe.LIVENESS);
  }

  @Get("/readiness")
  HttpResponse<HealthAnswer> readiness(HttpRequest<?> request) {
    return answer(request, Probe.READINESS);
  }

  private HttpResponse<HealthAnswer> answer(HttpRequest<?> request, @Nullable Probe probe) {
    HealthAnswer answer =
        request.getUserPrincipal().isPresent()
            ? HealthAnswer.detailed(applicationName, checks.findings(probe))
            : HealthAnswer.statusOnly(checks.status(probe));
    return HttpResponse.status(
            answer.status() == Status.UP ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
        .body(answer);
  }
}
