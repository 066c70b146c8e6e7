package io.invoicebridge.terraform;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Terraform run offline on a provider-free module: {@code init} without a backend, then its own
 * {@code terraform test}, with Terraform's working files in a data directory of the caller's
 * choosing (under target/, never in the source tree).
 */
final class OfflineTerraform {

  private OfflineTerraform() {}

  /** The environment that keeps Terraform's working files in {@code dataDir}. */
  static Map<String, String> environment(Path dataDir) {
    return Map.of("TF_DATA_DIR", dataDir.toString(), "TF_IN_AUTOMATION", "1");
  }

  /** The data directory of terraform/modules/{@code name} under target/. */
  static Map<String, String> environment(String name) {
    return environment(RepositoryLayout.checksModule().resolve("target/tf-data/" + name));
  }

  static ExternalCommand.Result init(Path module, Map<String, String> environment) {
    return ExternalCommand.run(
        module,
        Duration.ofMinutes(1),
        environment,
        List.of("terraform", "init", "-backend=false", "-input=false", "-no-color"));
  }

  static ExternalCommand.Result test(Path module, Map<String, String> environment, Duration limit) {
    return ExternalCommand.run(
        module, limit, environment, List.of("terraform", "test", "-no-color"));
  }

  /** Fails unless terraform/modules/{@code name} initialises and all its own tests pass. */
  static void assertOwnTestsPass(String name) {
    Path module = RepositoryLayout.module(name);
    Map<String, String> env = environment(name);

    ExternalCommand.Result init = init(module, env);
    ExternalCommand.Result test = test(module, env, Duration.ofMinutes(2));

    assertTrue(
        init.succeeded(), "terraform init failed in modules/" + name + ":\n" + init.output());
    assertTrue(
        test.succeeded(), "terraform test failed in modules/" + name + ":\n" + test.output());
    assertTrue(
        test.output().contains(" 0 failed"), "terraform test reported failures:\n" + test.output());
  }
}
