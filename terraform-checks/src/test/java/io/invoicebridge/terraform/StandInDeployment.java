package io.invoicebridge.terraform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A directory with stand-ins for what terraform/scripts/deploy.sh calls: a {@code terraform} that
 * records its arguments and answers {@code output -raw}, {@code output -json redis_app_user} and
 * {@code apply} from files, an artifact builder for the rollback, a Redis user step that records
 * when it ran, and a {@code curl} that records its arguments before running the real one. The state
 * files: {@code deployed_version}, {@code url}, {@code apply_fails} (versions whose apply fails,
 * one a line), {@code redis_app_user.json}, {@code redis_user_fails}.
 */
final class StandInDeployment {

  private static final String TERRAFORM =
      """
      #!/usr/bin/env bash
      # Stand-in terraform: records its arguments, answers as the test's files say.
      state="$STAND_IN_STATE"
      printf '%s\\n' "$*" >> "$state/terraform-calls"
      if [[ "$1 $2" == "output -raw" ]]; then
        case "$3" in
          deployed_version)
            [[ -f "$state/deployed_version" ]] && exec cat "$state/deployed_version"
            echo 'Warning: No outputs found' >&2; exit 1 ;;
          url) exec cat "$state/url" ;;
          front_door_auth)
            [[ -f "$state/front_door_auth" ]] && exec cat "$state/front_door_auth"
            echo 'Warning: No outputs found' >&2; exit 1 ;;
          function_app_name) echo invoice-bridge-fn; exit 0 ;;
          resource_group_name) echo invoice-bridge-rg; exit 0 ;;
        esac
      fi
      if [[ "$1 $2 $3" == "output -json redis_app_user" ]]; then
        [[ -f "$state/redis_app_user.json" ]] && exec cat "$state/redis_app_user.json"
        echo 'Warning: No outputs found' >&2; exit 1
      fi
      if [[ "$1" == apply ]]; then
        for arg in "$@"; do
          [[ "$arg" == artifact_version=* ]] && version="${arg#artifact_version=}"
        done
        if grep -qxF "$version" "$state/apply_fails" 2>/dev/null; then
          echo "Error: creating the function failed" >&2; exit 1
        fi
        printf '%s' "$version" > "$state/deployed_version"
        exit 0
      fi
      echo "stand-in terraform: unexpected arguments: $*" >&2
      exit 99
      """;

  private static final String BUILD_ARTIFACT =
      """
      #!/usr/bin/env bash
      # Stand-in for build-artifact.sh: records the request, prints where the artifact would be.
      printf '%s\\n' "$*" >> "$STAND_IN_STATE/build-calls"
      echo "$3/invoice-bridge-$1-$2.jar"
      """;

  /** Stand-in for redis-app-user.sh: records after which version it ran; fails when told to. */
  private static final String REDIS_APP_USER =
      """
      #!/usr/bin/env bash
      printf 'after %s\\n' "$(cat "$STAND_IN_STATE/deployed_version")" >> "$STAND_IN_STATE/redis-user-calls"
      [[ ! -f "$STAND_IN_STATE/redis_user_fails" ]]
      """;

  /** Stand-in az: a restarted app answers as the version "<deployed>-restarted" is told to. */
  private static final String AZ =
      """
      #!/usr/bin/env bash
      printf '%s\\n' "$*" >> "$STAND_IN_STATE/az-calls"
      if [[ "$1 $2" == "account get-access-token" ]]; then
        echo entra-token-for-tests
      fi
      if [[ "$1 $2" == "functionapp restart" ]]; then
        printf '%s-restarted' "$(cat "$STAND_IN_STATE/deployed_version")" > "$STAND_IN_STATE/deployed_version"
      fi
      """;

  /** Stand-in gcloud: an identity token for whoever runs the deployment. */
  private static final String GCLOUD =
      """
      #!/usr/bin/env bash
      printf '%s\\n' "$*" >> "$STAND_IN_STATE/gcloud-calls"
      [[ "$1 $2" == "auth print-identity-token" ]] && echo gcp-id-token-for-tests
      """;

  private static final String CURL =
      """
      #!/usr/bin/env bash
      printf '%s\\n' "$*" >> "$STAND_IN_STATE/curl-calls"
      exec REAL_CURL "$@"
      """;

  private final Path state;
  private final Path bin;

  StandInDeployment(Path directory) {
    this.state = directory.resolve("state");
    this.bin = directory.resolve("bin");
    try {
      Files.createDirectories(state);
      Files.createDirectories(bin);
      executable(bin.resolve("terraform"), TERRAFORM);
      executable(bin.resolve("build-artifact"), BUILD_ARTIFACT);
      executable(bin.resolve("curl"), CURL.replace("REAL_CURL", realCurl()));
      executable(bin.resolve("az"), AZ);
      executable(bin.resolve("gcloud"), GCLOUD);
      executable(bin.resolve("redis-app-user"), REDIS_APP_USER);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path deployedVersionFile() {
    return state.resolve("deployed_version");
  }

  StandInDeployment deployed(String version) {
    return write("deployed_version", version);
  }

  StandInDeployment url(String url) {
    return write("url", url);
  }

  StandInDeployment applyFails(String version) {
    return write("apply_fails", version + "\n");
  }

  /** The stack's output redis_app_user, as JSON. */
  StandInDeployment redisAppUser(String json) {
    return write("redis_app_user.json", json);
  }

  /** The stack's output front_door_auth (absent: the output does not exist). */
  StandInDeployment frontDoorAuth(String value) {
    return write("front_door_auth", value);
  }

  StandInDeployment redisUserFails() {
    return write("redis_user_fails", "");
  }

  /** After which deployed version the Redis user step ran, one a line. */
  List<String> redisUserCalls() {
    return read("redis-user-calls").lines().toList();
  }

  String deployedVersion() {
    return read("deployed_version");
  }

  /** The argument lists terraform was called with, one a line. */
  List<String> terraformCalls() {
    return read("terraform-calls").lines().toList();
  }

  List<String> applies() {
    return terraformCalls().stream().filter(c -> c.startsWith("apply ")).toList();
  }

  String azCalls() {
    return read("az-calls");
  }

  String gcloudCalls() {
    return read("gcloud-calls");
  }

  String buildCalls() {
    return read("build-calls");
  }

  /** Everything any stand-in recorded, to search for what must never appear. */
  String allRecorded() {
    return read("terraform-calls")
        + read("build-calls")
        + read("curl-calls")
        + read("az-calls")
        + read("gcloud-calls");
  }

  /** Runs a script of terraform/scripts with the stand-ins first on the PATH. */
  ExternalCommand.Result run(Map<String, String> environment, String script, String... args) {
    Map<String, String> env = new HashMap<>(environment);
    env.put("PATH", bin + ":" + System.getenv("PATH"));
    env.put("STAND_IN_STATE", state.toString());
    env.put("STACK_DIR", state.toString());
    env.put("BUILD_ARTIFACT", bin.resolve("build-artifact").toString());
    env.putIfAbsent("REDIS_APP_USER", bin.resolve("redis-app-user").toString());
    env.put("ROLLBACK_DIR", state.resolve("rollback").toString());
    env.put("HEALTH_ATTEMPTS", "2");
    env.put("HEALTH_INTERVAL_SECONDS", "0");
    env.put("HEALTH_TIMEOUT_SECONDS", "5");
    List<String> command = new ArrayList<>();
    command.add(RepositoryLayout.terraform().resolve("scripts").resolve(script).toString());
    command.addAll(List.of(args));
    return ExternalCommand.run(state, Duration.ofSeconds(60), env, command);
  }

  private StandInDeployment write(String file, String content) {
    try {
      Files.writeString(state.resolve(file), content);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String read(String file) {
    try {
      Path path = state.resolve(file);
      return Files.exists(path) ? Files.readString(path) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void executable(Path path, String content) throws IOException {
    Files.writeString(path, content);
    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  private static String realCurl() {
    for (String dir : System.getenv("PATH").split(":")) {
      Path candidate = Path.of(dir, "curl");
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    throw new IllegalStateException("curl is not on PATH");
  }
}
