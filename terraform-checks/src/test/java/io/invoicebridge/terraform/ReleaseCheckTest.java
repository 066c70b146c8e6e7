package io.invoicebridge.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * terraform/scripts/check-release.sh, offline, against a stand-in bridge whose dry run and freee
 * company are what the stand-in state says was applied.
 */
class ReleaseCheckTest extends StandInBridgeCases {

  private static final String RUN_TOKEN = "Rk2-release-check-token-never-printed-7hQz";
  private static final long COMPANY = 3_141_592;

  ReleaseCheckTest() {
    super(RUN_TOKEN);
  }

  @BeforeEach
  void start() {
    deployment.deployed("v2").root().write("deployed_company_id", String.valueOf(COMPANY));
  }

  @Test
  void dryRun_deploymentInDryRun_passesWithTheBodiesForItsCompany() {
    dryRun(true);

    ExternalCommand.Result result = check("dry-run", environment());

    assertEquals(0, result.exitCode(), result.output());
    assertTrue(result.output().contains("2 items dry_run for company " + COMPANY), result.output());
    assertEquals(List.of(), bridge.invoices().created());
  }

  @Test
  void dryRun_deploymentCreatesInvoices_sendsNothingAndFails() {
    dryRun(false);

    ExternalCommand.Result result = check("dry-run", environment());

    assertEquals(1, result.exitCode(), result.output());
    assertTrue(result.output().contains("does not show dry_run true"), result.output());
    assertEquals(List.of(), bridge.invoices().created());
  }

  @Test
  void dryRun_deploymentPointsAtAnotherCompany_fails() {
    dryRun(true);
    Map<String, String> env = environment();
    env.put("FREEE_COMPANY_ID", "2718281");

    ExternalCommand.Result result = check("dry-run", env);

    assertEquals(1, result.exitCode(), result.output());
    assertTrue(result.output().contains("did not answer dry_run for company 2718281"));
  }

  @Test
  void invoice_created_isLookedUpByItsKey() {
    dryRun(false);

    ExternalCommand.Result result = check("invoice", environment());

    assertEquals(0, result.exitCode(), result.output());
    assertEquals(
        List.of(new FakeInvoiceApi.Created("release-check/v2", 9_000_001, COMPANY)),
        bridge.invoices().created());
    assertTrue(
        result.output().contains("looked up release-check/v2: created, freee invoice 9000001"),
        result.output());
  }

  @Test
  void invoice_sameReleaseCheckedAgain_replaysWithoutASecondInvoice() {
    dryRun(false);
    check("invoice", environment());

    ExternalCommand.Result again = check("invoice", environment());

    assertEquals(0, again.exitCode(), again.output());
    assertTrue(again.output().contains("replayed as freee invoice 9000001"), again.output());
    assertEquals(1, bridge.invoices().created().size());
  }

  @Test
  void invoice_lookupKnowsNothingOfTheKey_fails() {
    dryRun(false);
    bridge.invoices().forgetKeys();

    ExternalCommand.Result result = check("invoice", environment());

    assertEquals(1, result.exitCode(), result.output());
    assertTrue(result.output().contains("answered 404, invoice none"), result.output());
  }

  @Test
  void invoice_wrongToken_failsWithoutPrintingEitherToken() {
    dryRun(false);
    Map<String, String> env = environment();
    String wrong = "another-token-0123456789abcdefghijk";
    env.put("RUN_TOKEN", wrong);

    ExternalCommand.Result result = check("invoice", env);

    assertEquals(1, result.exitCode(), result.output());
    assertTrue(result.output().contains("answered 401"), result.output());
    assertFalse(result.output().contains(wrong) || result.output().contains(RUN_TOKEN));
    assertFalse(deployment.allRecorded().contains(wrong), "the token is never on a command line");
  }

  @Test
  void check_withoutPartnerCode_refusesToStart() {
    Map<String, String> env = environment();
    env.remove("RELEASE_CHECK_PARTNER_CODE");

    ExternalCommand.Result result = check("invoice", env);

    assertEquals(2, result.exitCode(), result.output());
    assertTrue(result.output().contains("set RELEASE_CHECK_PARTNER_CODE"), result.output());
  }

  private void dryRun(boolean on) {
    deployment.root().write("deployed_dry_run", String.valueOf(on));
  }

  private Map<String, String> environment() {
    Map<String, String> env = new HashMap<>();
    env.put("RUN_TOKEN", RUN_TOKEN);
    env.put("FREEE_COMPANY_ID", String.valueOf(COMPANY));
    env.put("RELEASE_CHECK_PARTNER_CODE", "RELEASE-CHECK");
    env.put("RELEASE_VERSION", "v2");
    return env;
  }

  private ExternalCommand.Result check(String mode, Map<String, String> env) {
    return deployment.run(env, "check-release.sh", mode, bridge.url());
  }
}
