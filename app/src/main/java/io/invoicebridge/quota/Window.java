package io.invoicebridge.quota;

import java.time.Duration;

/** freee's three rate-limit windows, each counted per company and app. */
public enum Window {
  MINUTE("per-minute", Duration.ofMinutes(1)),
  HOUR("hourly", Duration.ofHours(1)),
  DAY("daily", Duration.ofDays(1));

  private final String adjective;
  private final Duration length;

  Window(String adjective, Duration length) {
    this.adjective = adjective;
    this.length = length;
  }

  /** How a message names the window: "freee's hourly limit". */
  public String adjective() {
    return adjective;
  }

  /** The window's length at full scale. */
  public Duration length() {
    return length;
  }
}
