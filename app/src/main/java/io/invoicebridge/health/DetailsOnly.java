package io.invoicebridge.health;

/**
 * Marks a {@link HealthCheck} whose findings are for the operator: they show in {@code /health}'s
 * details (with the run token) and in preflight. A status-only answer to an anonymous caller leaves
 * it out, so a flood of anonymous probes costs none of the store reads it makes.
 */
public interface DetailsOnly {}
