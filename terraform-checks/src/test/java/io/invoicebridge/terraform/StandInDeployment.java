package io.invoicebridge.terraform;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A directory with stand-ins for what terraform/scripts/deploy.sh and the workflows call: a {@code
 * terraform} that records its arguments and answers {@code init}, {@code output -raw}, {@code
 * output -json redis_app_user} and {@code apply} from a {@link StandInState}, an artifact builder
 * for the rollback, a Redis user step that records when it ran, an {@code az}, a {@code gcloud},
 * and a {@code curl} that records its arguments before running the real one.
 *
 * <p>Without {@code init} the state is the root one ({@code state/}); after {@code init
 * -backend-config=key=K} (or {@code prefix=K}) in a directory, terraform run there uses the state
 * of K, as a remote backend would: see {@link #backend(String)}. Where {@link
 * #requiredVariables(String, Collection)} names a stack's required variables, {@code apply} in a
 * directory of that name fails as Terraform does when one has no value.
 */
final class StandInDeployment {

  private static final String TERRAFORM =
      """
      #!/usr/bin/env bash
      # Stand-in terraform: records its arguments, answers as the test's files say.
      root="$STAND_IN_STATE" state="$STAND_IN_STATE"
      if [[ -f .terraform/stand-in-backend ]]; then
        state="$root/backends/$(cat .terraform/stand-in-backend)"
        mkdir -p "$state"
      fi
      printf '%s\\n' "$*" >> "$state/terraform-calls"
      app_setting() { jq -r ".$1 // empty" <<< "${TF_VAR_app:-null}"; }
      dry_run="$(app_setting freee_dry_run)"
      printf '%s %s%s\\n' "${state#"$root"}" "$*" "${dry_run:+ dry_run=$dry_run}" >> "$root/timeline"
      if [[ "$1" == init ]]; then
        for arg in "$@"; do
          case "$arg" in
            -backend-config=key=*) key="${arg#-backend-config=key=}" ;;
            -backend-config=prefix=*) key="${arg#-backend-config=prefix=}" ;;
          esac
        done
        [[ -n "${key:-}" ]] || { echo "stand-in terraform: init without a state key" >&2; exit 98; }
        mkdir -p .terraform && printf '%s' "${key//\\//_}" > .terraform/stand-in-backend
        exit 0
      fi
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
        required="${STAND_IN_REQUIRED_VARIABLES:-}/$(basename "$PWD")"
        if [[ -n "${STAND_IN_REQUIRED_VARIABLES:-}" && -f "$required" ]]; then
          while read -r name; do
            if [[ ! -v "TF_VAR_$name" && " $* " != *" $name="* ]]; then
              echo "Error: No value for required variable \\"$name\\"" >&2; exit 1
            fi
          done < "$required"
        fi
        for arg in "$@"; do
          [[ "$arg" == artifact_version=* ]] && version="${arg#artifact_version=}"
        done
        if grep -qxF "$version" "$state/apply_fails" 2>/dev/null; then
          echo "Error: creating the function failed" >&2; exit 1
        fi
        printf '%s' "$version" > "$state/deployed_version"
        printf '%s' "${dry_run:-false}" > "$state/deployed_dry_run"
        printf '%s' "$(app_setting freee_company_id)" > "$state/deployed_company_id"
        printf '%s' "${TF_VAR_alert_emails:-}" > "$state/deployed_alert_emails"
        printf '%s' "${TF_VAR_alert_webhook_url:+set}" > "$state/deployed_alert_webhook"
        printf '%s' "${TF_VAR_scaling_schedule:-}" > "$state/deployed_scaling_schedule"
        printf '%s' "$(app_setting rate_limit_per_day)" > "$state/deployed_rate_limit_per_day"
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

  private final StandInState root;
  private final Path bin;
  private final Path required;

  /**
   * A stand-in deployment in {@code directory}, the test skipped unless bash, curl and jq (what
   * terraform/scripts run with) are on PATH.
   */
  static StandInDeployment forScripts(Path directory) {
    assumeTrue(
        ExternalCommand.onPath("bash")
            && ExternalCommand.onPath("curl")
            && ExternalCommand.onPath("jq"),
        "bash, curl and jq are needed to run terraform/scripts");
    return new StandInDeployment(directory);
  }

  StandInDeployment(Path directory) {
    this.root = new StandInState(directory.resolve("state"));
    this.bin = directory.resolve("bin");
    this.required = directory.resolve("required-variables");
    try {
      Files.createDirectories(bin);
      Files.createDirectories(required);
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

  /** The state terraform uses without {@code init}. */
  StandInState root() {
    return root;
  }

  /** The state terraform uses after {@code init} with this backend key (or GCS prefix). */
  StandInState backend(String key) {
    return new StandInState(root.directory().resolve("backends").resolve(key.replace('/', '_')));
  }

  /** Makes {@code apply} in a directory named {@code stack} require these variables. */
  StandInDeployment requiredVariables(String stack, Collection<String> names) {
    try {
      Files.writeString(required.resolve(stack), String.join("\n", names) + "\n");
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path deployedVersionFile() {
    return root.deployedVersionFile();
  }

  StandInDeployment deployed(String version) {
    root.deployed(version);
    return this;
  }

  StandInDeployment url(String url) {
    root.url(url);
    return this;
  }

  StandInDeployment applyFails(String version) {
    root.applyFails(version);
    return this;
  }

  /** The stack's output redis_app_user, as JSON. */
  StandInDeployment redisAppUser(String json) {
    root.write("redis_app_user.json", json);
    return this;
  }

  /** The stack's output front_door_auth (absent: the output does not exist). */
  StandInDeployment frontDoorAuth(String value) {
    root.write("front_door_auth", value);
    return this;
  }

  StandInDeployment redisUserFails() {
    root.write("redis_user_fails", "");
    return this;
  }

  /** After which deployed version the Redis user step ran, one a line. */
  List<String> redisUserCalls() {
    return root.read("redis-user-calls").lines().toList();
  }

  String deployedVersion() {
    return root.deployedVersion();
  }

  List<String> applies() {
    return root.applies();
  }

  /**
   * Every terraform call in order, each prefixed with its state ("" root, "/backends/K") and
   * followed by " dry_run=V" when TF_VAR_app set freee_dry_run.
   */
  List<String> timeline() {
    return root.read("timeline").lines().toList();
  }

  String azCalls() {
    return root.read("az-calls");
  }

  String gcloudCalls() {
    return root.read("gcloud-calls");
  }

  String buildCalls() {
    return root.read("build-calls");
  }

  /** Everything any stand-in recorded, to search for what must never appear. */
  String allRecorded() {
    return root.read("timeline")
        + root.read("build-calls")
        + root.read("curl-calls")
        + root.read("az-calls")
        + root.read("gcloud-calls");
  }

  /**
   * The environment a machine with these stand-ins has: them first on the PATH, the rollback's
   * builder, and health checks that retry at once.
   */
  Map<String, String> machineEnvironment() {
    Map<String, String> env = new HashMap<>();
    env.put("PATH", bin + ":" + System.getenv("PATH"));
    env.put("STAND_IN_STATE", root.directory().toString());
    env.put("STAND_IN_REQUIRED_VARIABLES", required.toString());
    env.put("BUILD_ARTIFACT", bin.resolve("build-artifact").toString());
    env.put("REDIS_APP_USER", bin.resolve("redis-app-user").toString());
    env.put("HEALTH_ATTEMPTS", "2");
    env.put("HEALTH_INTERVAL_SECONDS", "0");
    env.put("HEALTH_TIMEOUT_SECONDS", "5");
    return env;
  }

  /** Runs a script of terraform/scripts with the stand-ins first on the PATH, in the root state. */
  ExternalCommand.Result run(Map<String, String> environment, String script, String... args) {
    Map<String, String> env = new HashMap<>(environment);
    env.putAll(machineEnvironment());
    env.put("STACK_DIR", root.directory().toString());
    env.put("ROLLBACK_DIR", root.directory().resolve("rollback").toString());
    List<String> command = new ArrayList<>();
    command.add(RepositoryLayout.terraform().resolve("scripts").resolve(script).toString());
    command.addAll(List.of(args));
    return ExternalCommand.run(root.directory(), Duration.ofSeconds(60), env, command);
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
