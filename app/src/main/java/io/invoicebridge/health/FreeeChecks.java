package io.invoicebridge.health;

import io.invoicebridge.config.BridgeConfig;
import io.invoicebridge.freee.FreeeApiClient;
import io.invoicebridge.freee.FreeeCaller;
import io.invoicebridge.freee.answer.FreeeExchange;
import io.invoicebridge.freee.token.AccessTokenProvider;
import io.invoicebridge.freee.token.TokenStatus;
import io.invoicebridge.quota.CallKind;
import io.invoicebridge.quota.QuotaWaitPastDeadlineException;
import io.invoicebridge.timing.Deadline;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The freee lines of the operations checklist: the refresh token's age and (opt-in, it costs one
 * call of freee's budget) one cheap read with the current token. The headroom is {@link
 * FreeeQuotaCheck}'s line.
 */
@Singleton
class FreeeChecks implements PreflightCheck {

  private static final Duration PROBE_TIME = Duration.ofSeconds(10);
  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

  private final BridgeConfig config;
  private final AccessTokenProvider tokens;
  private final FreeeCaller caller;
  private final FreeeApiClient api;
  private final Clock clock;

  FreeeChecks(
      BridgeConfig config,
      AccessTokenProvider tokens,
      FreeeCaller caller,
      FreeeApiClient api,
      Clock clock) {
    this.config = config;
    this.tokens = tokens;
    this.caller = caller;
    this.api = api;
    this.clock = clock;
  }

  @Override
  public List<CheckResult> run(boolean probeFreee) {
    if (!config.freee().hasCredentials() || config.freee().companyId() == null) {
      return List.of();
    }
    List<CheckResult> checks = new ArrayList<>();
    checks.add(refreshToken());
    if (probeFreee) {
      checks.add(probe());
    }
    return checks;
  }

  private CheckResult refreshToken() {
    try {
      TokenStatus status = tokens.status();
      if (!status.seeded()) {
        return CheckResult.warn(
            "freee_refresh_token",
            "not adopted yet: the first freee call adopts FREEE_REFRESH_TOKEN");
      }
      if (status.lastFailure() != null) {
        return CheckResult.fail(
            "freee_refresh_token", "last refresh failed: " + status.lastFailure().reason());
      }
      String left = status.refreshTokenDaysLeft() + " of 90 days left";
      return status.renewalDue()
          ? CheckResult.warn(
              "freee_refresh_token", left + ": re-authorize and deploy a new FREEE_REFRESH_TOKEN")
          : CheckResult.pass("freee_refresh_token", left);
    } catch (RuntimeException e) {
      return CheckResult.fail("freee_refresh_token", "token store unreadable: " + e.getMessage());
    }
  }

  private CheckResult probe() {
    String today = LocalDate.now(clock.withZone(TOKYO)).toString();
    long companyId = config.freee().companyId();
    try {
      Optional<FreeeExchange> exchange =
          caller.call(
              "probe",
              CallKind.LOOKUP,
              Deadline.in(PROBE_TIME, clock),
              auth -> api.listInvoices(auth, companyId, today, today, null, 1, 0));
      return exchange
          .map(FreeeChecks::verdict)
          .orElse(
              CheckResult.warn(
                  "freee_probe", "no rate-limit slot within " + PROBE_TIME.toSeconds() + " s"));
    } catch (QuotaWaitPastDeadlineException e) {
      return CheckResult.warn("freee_probe", "not sent: " + e.getMessage());
    } catch (RuntimeException e) {
      return CheckResult.fail("freee_probe", e.getMessage());
    }
  }

  private static CheckResult verdict(FreeeExchange exchange) {
    return switch (exchange) {
      case FreeeExchange.Answered answered when answered.answer().status() / 100 == 2 ->
          CheckResult.pass(
              "freee_probe",
              "freee answered in " + answered.answer().duration().toMillis() + " ms");
      case FreeeExchange.Answered answered ->
          CheckResult.fail("freee_probe", "freee answered HTTP " + answered.answer().status());
      case FreeeExchange.Lost lost -> CheckResult.fail("freee_probe", lost.reason());
      case FreeeExchange.Unreached unreached -> CheckResult.fail("freee_probe", unreached.reason());
    };
  }
}
