package io.invoicebridge.metrics;

/** The stored freee refresh token's age in whole days (it lives 90). */
public record RefreshTokenAge(long ageDays) implements OperationalEvent {

  @Override
  public EventLine line() {
    return EventLine.named("refresh_token_age")
        .field("age_days", ageDays)
        .metric("RefreshTokenAgeDays", "None", ageDays);
  }
}
