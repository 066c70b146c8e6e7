package io.invoicebridge.terraform;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runs the provider-free app-config module's own Terraform tests (tests/*.tftest.hcl). */
class AppConfigModuleTest {

  @Test
  void appConfig_acceptsGoodSettingsAndRejectsEachWrongOne() {
    // given
    assumeTrue(
        ExternalCommand.onPath("terraform"),
        "terraform is not on PATH: skipping terraform test of modules/app-config");
    Path module = RepositoryLayout.module("app-config");
    // Terraform's working files go to target/, not into the source tree.
    Map<String, String> env =
        Map.of(
            "TF_DATA_DIR",
            RepositoryLayout.checksModule().resolve("target/tf-data/app-config").toString(),
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
    assertTrue(init.succeeded(), "terraform init failed in modules/app-config:\n" + init.output());
    assertTrue(test.succeeded(), "terraform test failed in modules/app-config:\n" + test.output());
    assertTrue(
        test.output().contains(" 0 failed"), "terraform test reported failures:\n" + test.output());
  }
}
