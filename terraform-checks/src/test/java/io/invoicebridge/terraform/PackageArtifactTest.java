package io.invoicebridge.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** package-artifact.sh, artifact-variable.sh and build-artifact.sh on stand-in build outputs. */
class PackageArtifactTest {

  /** What each adapter's build leaves, relative to the repository. */
  private static final Map<String, List<String>> BUILT =
      Map.of(
          "aws", List.of("adapters-aws/target/invoice-bridge-aws.jar"),
          "gcp", List.of("adapters-gcp/target/deploy/invoice-bridge-gcp.jar"),
          "azure",
              List.of(
                  "adapters-azure/target/azure-functions/invoice-bridge/host.json",
                  "adapters-azure/target/azure-functions/invoice-bridge/invoice-bridge/function.json",
                  "adapters-azure/target/azure-functions/invoice-bridge/invoice-bridge-azure.jar",
                  "adapters-azure/target/azure-functions/invoice-bridge/lib/dependency.jar"));

  @TempDir Path directory;

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "aws, invoice-bridge-aws-0a1b2c3d4e5f.jar, ",
    "gcp, invoice-bridge-gcp-0a1b2c3d4e5f.zip, invoice-bridge-gcp.jar",
    "azure, invoice-bridge-azure-0a1b2c3d4e5f.zip, host.json invoice-bridge/function.json invoice-bridge-azure.jar lib/dependency.jar",
  })
  void packageArtifact_eachCloud_namesTheArtifactByVersion(
      String cloud, String artifactName, String zipEntries) throws IOException {
    Path repo = builtRepository(cloud);

    ExternalCommand.Result result =
        script("package-artifact.sh", cloud, "0a1b2c3d4e5f", repo.toString(), "dist");

    assertEquals(0, result.exitCode(), result.output());
    Path artifact = directory.resolve("dist").resolve(artifactName);
    assertEquals(artifact.toString(), result.output().strip());
    assertTrue(Files.isRegularFile(artifact));
    if (zipEntries != null) {
      assertEquals(new TreeSet<>(List.of(zipEntries.split(" "))), filesIn(artifact));
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"aws, package_path", "gcp, source_zip_path", "azure, package_zip_path"})
  void artifactVariable_eachCloud_isAVariableOfItsStack(String cloud, String variable)
      throws IOException {
    ExternalCommand.Result result = script("artifact-variable.sh", cloud);

    assertEquals(variable, result.output().strip());
    assertTrue(
        Files.readString(RepositoryLayout.stack(cloud).resolve("variables.tf"))
            .contains("variable \"" + variable + "\" {"),
        cloud + " stack has no variable " + variable);
  }

  @Test
  void scripts_unknownCloud_exitWithUsageError() {
    assertEquals(2, script("artifact-variable.sh", "oracle").exitCode());
    assertEquals(2, script("package-artifact.sh", "oracle", "v1", ".", "dist").exitCode());
    assertEquals(2, script("deploy.sh", "oracle", "v1", "x.jar").exitCode());
  }

  @Test
  void buildArtifact_earlierCommit_packagesThatCommitsBuildWithoutTheDeploySecrets()
      throws IOException {
    assumeTrue(ExternalCommand.onPath("git"), "git is not on PATH");
    Path repo = directory.resolve("repo");
    Files.createDirectories(repo.resolve("terraform/scripts"));
    for (String name :
        List.of("build-artifact.sh", "package-artifact.sh", "artifact-variable.sh")) {
      Files.copy(
          RepositoryLayout.terraform().resolve("scripts").resolve(name),
          repo.resolve("terraform/scripts").resolve(name));
    }
    // A stand-in for the Maven wrapper: "builds" the AWS jar from the commit's release.txt and
    // writes down the environment the build ran with.
    Path buildEnvironment = directory.resolve("build-environment");
    Path mvnw = repo.resolve("mvnw");
    Files.writeString(
        mvnw,
        "#!/usr/bin/env bash\n"
            + "env > '"
            + buildEnvironment
            + "'\n"
            + "mkdir -p adapters-aws/target\n"
            + "cp release.txt adapters-aws/target/invoice-bridge-aws.jar\n");
    Files.setPosixFilePermissions(mvnw, PosixFilePermissions.fromString("rwxr-xr-x"));
    git(repo, "init", "-q");
    String first = commit(repo, "first release");
    commit(repo, "second release");

    Path tmp = Files.createDirectories(directory.resolve("tmp"));

    ExternalCommand.Result result =
        ExternalCommand.run(
            repo,
            Duration.ofSeconds(60),
            Map.of(
                "TMPDIR", tmp.toString(),
                "RUN_TOKEN", "run-token-of-the-deploy-step-3141",
                "TF_VAR_freee_client_secret", "freee-secret-of-the-deploy-step-2718"),
            List.of(
                "terraform/scripts/build-artifact.sh",
                "aws",
                first,
                directory.resolve("rollback").toString()));

    assertEquals(0, result.exitCode(), result.output());
    Path artifact = directory.resolve("rollback/invoice-bridge-aws-" + first + ".jar");
    assertEquals(artifact.toString(), lastLine(result.output()));
    assertEquals("first release", Files.readString(artifact));
    String environment = Files.readString(buildEnvironment);
    assertTrue(environment.contains("PATH="), environment);
    assertFalse(
        environment.contains("run-token-of-the-deploy-step")
            || environment.contains("freee-secret-of-the-deploy-step"),
        "the rollback's build (an earlier commit's Maven plugins) runs without the deploy step's secrets");
  }

  private ExternalCommand.Result script(String name, String... args) {
    List<String> command = new ArrayList<>();
    command.add(RepositoryLayout.terraform().resolve("scripts").resolve(name).toString());
    Collections.addAll(command, args);
    return ExternalCommand.run(directory, Duration.ofSeconds(30), Map.of(), command);
  }

  private Path builtRepository(String cloud) throws IOException {
    Path repo = directory.resolve("repo");
    for (String file : BUILT.get(cloud)) {
      Path path = repo.resolve(file);
      Files.createDirectories(path.getParent());
      Files.writeString(path, "built " + file);
    }
    return repo;
  }

  private static Set<String> filesIn(Path zip) throws IOException {
    try (ZipFile file = new ZipFile(zip.toFile())) {
      Set<String> names = new TreeSet<>();
      file.stream().filter(e -> !e.isDirectory()).forEach(e -> names.add(e.getName()));
      return names;
    }
  }

  private static String commit(Path repo, String release) throws IOException {
    Files.writeString(repo.resolve("release.txt"), release);
    git(repo, "add", "-A");
    git(
        repo,
        "-c",
        "user.name=test",
        "-c",
        "user.email=test@example.com",
        "commit",
        "-qm",
        release);
    return git(repo, "rev-parse", "--short=12", "HEAD").strip();
  }

  private static String git(Path repo, String... args) {
    List<String> command = new ArrayList<>(List.of("git"));
    Collections.addAll(command, args);
    ExternalCommand.Result result =
        ExternalCommand.run(repo, Duration.ofSeconds(30), Map.of(), command);
    assertEquals(0, result.exitCode(), result.output());
    return result.output();
  }

  private static String lastLine(String output) {
    List<String> lines = output.strip().lines().toList();
    return lines.getLast();
  }
}
