package io.invoicebridge.health;

/**
 * One thing {@code /health} watches. {@code /health} runs every check, {@code /health/liveness} the
 * {@link Probe#LIVENESS} ones and {@code /health/readiness} the {@link Probe#READINESS} ones.
 */
public abstract class HealthCheck {

  /** liveness: restarting the process would help; readiness: it cannot serve until this is UP. */
  public enum Probe {
    LIVENESS,
    READINESS
  }

  private final String name;
  private final Probe probe;

  /**
   * @param name the key of this check's entry in {@code /health}'s details, e.g. {@code redis}
   */
  protected HealthCheck(String name, Probe probe) {
    this.name = name;
    this.probe = probe;
  }

  public final String name() {
    return name;
  }

  public final Probe probe() {
    return probe;
  }

  /** This check's finding: within a bounded time, and never throws. */
  public abstract HealthFinding check();
}
