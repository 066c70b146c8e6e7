package io.invoicebridge.health;

/**
 * One thing {@code /health} watches. {@code /health} runs every check, {@code /health/liveness} the
 * {@link Probe#LIVENESS} ones and {@code /health/readiness} the {@link Probe#READINESS} ones.
 */
public interface HealthCheck {

  /** liveness: restarting the process would help; readiness: it cannot serve until this is UP. */
  enum Probe {
    LIVENESS,
    READINESS
  }

  /** The key of this check's entry in {@code /health}'s details, e.g. {@code redis}. */
  String name();

  Probe probe();

  /** This check's finding: within a bounded time, and never throws. */
  HealthFinding check();
}
