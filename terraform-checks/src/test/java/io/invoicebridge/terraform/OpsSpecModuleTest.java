package io.invoicebridge.terraform;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs the provider-free ops-spec module's Terraform tests: ops/service.yaml is valid, its
 * burn-rate thresholds equal the SRE workbook's table, and each kind of mistake fails validation.
 */
class OpsSpecModuleTest {

  @Test
  void opsSpec_acceptsTheRepositorySpecificationAndRejectsEachWrongOne() {
    // given
    assumeTrue(
        ExternalCommand.onPath("terraform"),
        "terraform is not on PATH: skipping terraform test of modules/ops-spec");
    Path module = RepositoryLayout.module("ops-spec");
    Map<String, String> env =
        Map.of(
            "TF_DATA_DIR",
            RepositoryLayout.checksModule().resolve("target/tf-data/ops-spec").toString(),
            "TF_IN_AUTOMATION",
            "1");

    // when
    ExternalCommand.Result init =
        ExternalCommand.run(
            module,
            Duration.ofMinutes(1),
            env,
            List.of("terraform", "init", "-backend=false", "-input=false", "-no-color"));
    ExternalCommand.Result test =
        ExternalCommand.run(
            module, Duration.ofMinutes(2), env, List.of("terraform", "test", "-no-color"));

    // then
    assertTrue(init.succeeded(), "terraform init failed in modules/ops-spec:\n" + init.output());
    assertTrue(test.succeeded(), "terraform test failed in modules/ops-spec:\n" + test.output());
    assertTrue(
        test.output().contains(" 0 failed"), "terraform test reported failures:\n" + test.output());
  }
}
