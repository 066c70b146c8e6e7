package io.invoicebridge.terraform;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/** Runs the provider-free app-config module's own Terraform tests (tests/*.tftest.hcl). */
class AppConfigModuleTest {

  @Test
  void appConfig_acceptsGoodSettingsAndRejectsEachWrongOne() {
    assumeTrue(
        ExternalCommand.onPath("terraform"),
        "terraform is not on PATH: skipping terraform test of modules/app-config");

    OfflineTerraform.assertOwnTestsPass("app-config");
  }
}
