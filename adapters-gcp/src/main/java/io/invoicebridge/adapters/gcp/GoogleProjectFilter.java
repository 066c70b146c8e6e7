package io.invoicebridge.adapters.gcp;

import io.invoicebridge.logging.GoogleTrace;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Puts the Google Cloud project on every request, so that log lines link to the request's trace as
 * {@code projects/PROJECT/traces/TRACE_ID} (the app reads the trace id from {@code
 * X-Cloud-Trace-Context} itself). Cloud Functions gen2 sets no project variable of its own, and
 * asking the metadata server would cost a network call at startup: the deployment sets {@code
 * GOOGLE_CLOUD_PROJECT} ({@code GCP_PROJECT}, which older runtimes set, also works). Without
 * either, lines simply carry no trace field.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class GoogleProjectFilter implements Ordered {

  private final String project;

  /** Two values, not one nested placeholder: Micronaut leaves a brace in nested defaults. */
  GoogleProjectFilter(
      @Value("${google.cloud.project:}") String project, @Value("${gcp.project:}") String legacy) {
    this.project = project.isBlank() ? legacy.trim() : project.trim();
  }

  @RequestFilter
  void tag(HttpRequest<?> request) {
    if (!project.isEmpty()) {
      request.setAttribute(GoogleTrace.PROJECT_ATTRIBUTE, project);
    }
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.FIRST.before();
  }
}
