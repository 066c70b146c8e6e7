package io.invoicebridge.terraform;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * Runs the provider-free ops-spec module's Terraform tests: ops/service.yaml is valid, its
 * burn-rate thresholds equal the SRE workbook's table, and each kind of mistake fails validation.
 */
class OpsSpecModuleTest {

  @Test
  void opsSpec_acceptsTheRepositorySpecificationAndRejectsEachWrongOne() {
    assumeTrue(
        ExternalCommand.onPath("terraform"),
        "terraform is not on PATH: skipping terraform test of modules/ops-spec");

    OfflineTerraform.assertOwnTestsPass("ops-spec");
  }
}
