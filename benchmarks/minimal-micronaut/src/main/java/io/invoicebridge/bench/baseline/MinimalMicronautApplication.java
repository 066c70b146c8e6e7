package io.invoicebridge.bench.baseline;

import io.micronaut.runtime.Micronaut;

/**
 * Cold-start baseline: a Micronaut app with nothing of ours, one controller on Netty. The same
 * Micronaut version and JVM options as the bridge, so the difference is what our code adds.
 */
public final class MinimalMicronautApplication {

  private MinimalMicronautApplication() {}

  public static void main(String[] args) {
    Micronaut.run(MinimalMicronautApplication.class, args);
  }
}
