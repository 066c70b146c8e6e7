package io.invoicebridge.terraform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The actions the workflows use, as a runner would run them offline: checkout copies the
 * repository's deployment files into the job's workspace with a stand-in Maven wrapper; the
 * artifact actions keep artifacts by name for the run (one upload per name, as GitHub's); the cloud
 * logins refuse a job without {@code id-token: write} or without their inputs; the setup actions do
 * nothing (the stand-ins are on the PATH). Any other action fails the run.
 */
final class StandInActions {

  /** What an action step did: its outcome and a line for the log. */
  record Outcome(boolean succeeded, String log) {}

  private static final List<String> CHECKED_OUT = List.of("terraform", ".github", "examples");

  /** Logs in with OpenID Connect: needs these inputs, and the job's id-token permission. */
  private static final Map<String, List<String>> LOGINS =
      Map.of(
          "aws-actions/configure-aws-credentials", List.of("role-to-assume", "aws-region"),
          "google-github-actions/auth", List.of("workload_identity_provider", "service_account"),
          "azure/login", List.of("client-id", "tenant-id", "subscription-id"));

  private static final Set<String> SETUPS =
      Set.of("actions/setup-java", "actions/setup-node", "hashicorp/setup-terraform");

  /**
   * Stand-in ./mvnw: records its arguments and environment, and leaves what each adapter's build
   * leaves for package-artifact.sh.
   */
  private static final String MVNW =
      """
      #!/usr/bin/env bash
      printf '%s\\n' "$*" >> "$STAND_IN_STATE/mvnw-calls"
      env >> "$STAND_IN_STATE/mvnw-environment"
      mkdir -p adapters-aws/target adapters-gcp/target/deploy \\
        adapters-azure/target/azure-functions/invoice-bridge/lib
      echo aws > adapters-aws/target/invoice-bridge-aws.jar
      echo gcp > adapters-gcp/target/deploy/invoice-bridge-gcp.jar
      echo '{}' > adapters-azure/target/azure-functions/invoice-bridge/host.json
      echo azure > adapters-azure/target/azure-functions/invoice-bridge/invoice-bridge-azure.jar
      """;

  private final Path artifacts;
  private final List<String> calls = new ArrayList<>();

  StandInActions(Path artifacts) {
    this.artifacts = artifacts;
  }

  /** Every action run, as "owner/name key=value ...", in order. */
  List<String> calls() {
    return List.copyOf(calls);
  }

  Outcome run(String uses, Map<String, String> with, Path workspace, Set<String> permissions) {
    String action = uses.substring(0, uses.indexOf('@'));
    calls.add(action + " " + with);
    try {
      if (action.equals("actions/checkout")) {
        return checkout(workspace);
      }
      if (action.equals("actions/upload-artifact")) {
        return upload(with, workspace);
      }
      if (action.equals("actions/download-artifact")) {
        return download(with, workspace);
      }
      if (LOGINS.containsKey(action)) {
        return login(action, with, permissions);
      }
      if (SETUPS.contains(action)) {
        return new Outcome(true, action + ": the stand-ins are on the PATH");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalArgumentException("no stand-in for the action " + uses);
  }

  private Outcome checkout(Path workspace) throws IOException {
    for (String dir : CHECKED_OUT) {
      copy(RepositoryLayout.root().resolve(dir), workspace.resolve(dir));
    }
    Path mvnw = workspace.resolve("mvnw");
    Files.writeString(mvnw, MVNW);
    Files.setPosixFilePermissions(mvnw, PosixFilePermissions.fromString("rwxr-xr-x"));
    return new Outcome(true, "checked out " + CHECKED_OUT + " and a stand-in mvnw");
  }

  private Outcome upload(Map<String, String> with, Path workspace) throws IOException {
    String name = with.getOrDefault("name", "artifact");
    Path source = workspace.resolve(with.getOrDefault("path", ""));
    Path target = artifacts.resolve(name);
    if (Files.exists(target)) {
      return new Outcome(false, "an artifact named " + name + " exists already in this run");
    }
    if (!Files.isRegularFile(source)) {
      return new Outcome(false, "no file to upload at " + with.get("path"));
    }
    Files.createDirectories(target);
    Files.copy(source, target.resolve(source.getFileName()));
    return new Outcome(true, "uploaded " + source.getFileName() + " as " + name);
  }

  private Outcome download(Map<String, String> with, Path workspace) throws IOException {
    String name = with.getOrDefault("name", "");
    Path source = artifacts.resolve(name);
    if (name.isEmpty() || !Files.isDirectory(source)) {
      return new Outcome(false, "no artifact named '" + name + "' in this run");
    }
    copy(source, workspace.resolve(with.getOrDefault("path", "")));
    return new Outcome(true, "downloaded " + name);
  }

  private static Outcome login(String action, Map<String, String> with, Set<String> permissions) {
    if (!permissions.contains("id-token:write")) {
      return new Outcome(
          false, action + ": no OpenID Connect token (the job lacks id-token: write)");
    }
    List<String> missing =
        LOGINS.get(action).stream().filter(i -> with.getOrDefault(i, "").isEmpty()).toList();
    return missing.isEmpty()
        ? new Outcome(true, action + ": logged in")
        : new Outcome(false, action + ": missing inputs " + missing);
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else if (!file.toString().contains("/.terraform/")) {
          Files.createDirectories(target.getParent());
          Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}
