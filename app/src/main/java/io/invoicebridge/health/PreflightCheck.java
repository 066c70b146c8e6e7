package io.invoicebridge.health;

import java.util.List;

/** A capability's part of {@code GET /v1/preflight}; each runs in bounded time and never throws. */
public interface PreflightCheck {

  /**
   * @param probeFreee whether the caller opted in to calls that reach freee (they count against
   *     freee's rate limit)
   */
  List<CheckResult> run(boolean probeFreee);
}
