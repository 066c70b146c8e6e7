package io.invoicebridge.health;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.management.endpoint.health.HealthEndpoint;
import io.micronaut.management.endpoint.health.HealthLevelOfDetail;
import io.micronaut.management.health.aggregator.DefaultHealthAggregator;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.runtime.ApplicationConfiguration;
import jakarta.inject.Singleton;
import java.util.Arrays;
import org.reactivestreams.Publisher;

/**
 * Answers {@code /health}, {@code /health/liveness} and {@code /health/readiness}. A caller without
 * the run token gets the status only, from {@link HealthCache} and without the {@link DetailsOnly}
 * indicators: anyone can send these probes, so they must cost nearly nothing. A caller with the run
 * token gets every indicator's details, evaluated afresh.
 */
@Singleton
@Replaces(DefaultHealthAggregator.class)
@Requires(beans = HealthEndpoint.class)
class StatusOnlyHealthAggregator extends DefaultHealthAggregator {

  private final HealthCache cache;

  StatusOnlyHealthAggregator(ApplicationConfiguration application, HealthCache cache) {
    super(application);
    this.cache = cache;
  }

  @Override
  public Publisher<HealthResult> aggregate(
      HealthIndicator[] indicators, HealthLevelOfDetail detail) {
    if (detail != HealthLevelOfDetail.STATUS) {
      return super.aggregate(indicators, detail);
    }
    HealthIndicator[] statusOnly =
        Arrays.stream(indicators)
            .filter(indicator -> !(indicator instanceof DetailsOnly))
            .map(cache::of)
            .toArray(HealthIndicator[]::new);
    return super.aggregate(statusOnly, detail);
  }
}
