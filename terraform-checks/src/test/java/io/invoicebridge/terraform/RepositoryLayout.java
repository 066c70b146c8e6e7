package io.invoicebridge.terraform;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where things are in the repository, seen from the terraform-checks module. */
final class RepositoryLayout {

  static final List<String> CLOUDS = List.of("aws", "gcp", "azure");
  static final List<String> MODULES =
      List.of(
          "app-config",
          "scaling-schedule",
          "upstash-redis",
          "aws-function",
          "gcp-function",
          "azure-function",
          "azure-names",
          "ops-spec",
          "aws-monitoring",
          "gcp-monitoring",
          "azure-monitoring");

  private RepositoryLayout() {}

  /** The terraform-checks module directory (Maven runs tests there). */
  static Path checksModule() {
    Path dir =
        Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
    if (!Files.isRegularFile(dir.resolve("package.json"))) {
      throw new IllegalStateException(
          "run the tests from the terraform-checks module; not found at " + dir);
    }
    return dir;
  }

  static Path root() {
    return checksModule().getParent();
  }

  static Path terraform() {
    return root().resolve("terraform");
  }

  static Path workflows() {
    return root().resolve(".github").resolve("workflows");
  }

  static Path module(String name) {
    return terraform().resolve("modules").resolve(name);
  }

  static Path stack(String cloud) {
    return terraform().resolve(cloud);
  }

  /** Every .tf file under terraform/, leaving out Terraform's own working directories. */
  static List<Path> terraformFiles() {
    try (Stream<Path> files = Files.walk(terraform())) {
      return files
          .filter(p -> p.toString().endsWith(".tf"))
          .filter(p -> !p.toString().contains(File.separator + ".terraform" + File.separator))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
