package io.invoicebridge.terraform;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What deploy.yml runs against in {@link WorkflowRunTest}: a repository set up as docs/deploying.md
 * says (shared variables and secrets, and per environment its own names, freee company, run token
 * and refresh token), one stand-in cloud with a state per backend key, and a stand-in bridge per
 * environment.
 */
final class DeployWorld implements AutoCloseable {

  static final String STAGING_TOKEN = "staging-run-token-Vq81-never-in-a-build-step";
  static final String PRODUCTION_TOKEN = "production-run-token-Lm27-never-in-a-build-step";

  /** Staging keeps no instance warm. */
  /** Staging's app settings besides its company (vars.APP_SETTINGS, a JSON object). */
  static final String STAGING_APP_SETTINGS = "{\"rate_limit_per_day\": 5000}";

  static final String STAGING_SCALING =
      "{ business_hours_min_instances = 0, month_end_min_instances = 0 }";

  static final Set<String> SECRET_VALUES =
      Set.of(
          STAGING_TOKEN,
          PRODUCTION_TOKEN,
          "freee-client-id-5501",
          "freee-client-secret-5502",
          "upstash-api-key-5503",
          "https://hooks.example.com/alerts-5504",
          "staging-refresh-token-5505",
          "production-refresh-token-5506",
          "staging-callback-secret-5507-0123456789abcdef",
          "production-callback-secret-5508-0123456789abcdef");

  private static final Pattern APPLIED_ARTIFACT =
      Pattern.compile("(dist/invoice-bridge-[a-z]+-\\w+)");

  private final Path directory;
  private final StandInDeployment cloud;
  private final String cloudName;
  private final String sha;
  private final FakeBridgeEndpoint stagingBridge;
  private final FakeBridgeEndpoint productionBridge;
  private WorkflowRun run;
  private boolean succeeded;

  DeployWorld(Path directory, StandInDeployment cloud, String cloudName, String sha)
      throws IOException {
    this.directory = directory;
    this.cloud = cloud;
    this.cloudName = cloudName;
    this.sha = sha;
    this.stagingBridge = bridge(STAGING_TOKEN, staging());
    this.productionBridge = bridge(PRODUCTION_TOKEN, production());
  }

  StandInState staging() {
    return state("staging");
  }

  StandInState production() {
    return state("production");
  }

  FakeBridgeEndpoint stagingBridge() {
    return stagingBridge;
  }

  FakeBridgeEndpoint productionBridge() {
    return productionBridge;
  }

  /** Runs deploy.yml as a push to main would. */
  WorkflowRun push() {
    Map<String, String> machine = new HashMap<>(cloud.machineEnvironment());
    machine.put("HOME", directory.resolve("home").toString());
    machine.put("LANG", "C.UTF-8");
    run =
        new WorkflowRun(
            directory.resolve("runner"),
            repository(),
            machine,
            new StandInActions(directory.resolve("artifacts")),
            sha,
            "push");
    succeeded = run.run(GitHubWorkflow.named("deploy.yml"), Map.of());
    return run;
  }

  boolean succeeded() {
    return succeeded;
  }

  /** "job result" for every job, in the order they finished. */
  List<String> jobs() {
    return run.jobs().stream().map(j -> j.job() + " " + j.result()).toList();
  }

  /** Every apply as "environment[ dry run] artifact", in the order terraform was called. */
  List<String> appliesInOrder() {
    return cloud.timeline().stream()
        .filter(line -> line.contains(" apply "))
        .map(
            line -> {
              Matcher artifact = APPLIED_ARTIFACT.matcher(line);
              String environment = line.contains("_staging_") ? "staging" : "production";
              return environment
                  + (line.contains("dry_run=true") ? " dry run " : " ")
                  + (artifact.find() ? artifact.group(1) : line);
            })
        .toList();
  }

  /** Every step with its outcome and output, to explain a failed assertion. */
  String log() {
    return run.steps().stream()
        .map(s -> "--- " + s.job() + ": " + s.name() + " (" + s.outcome() + ")\n" + s.log())
        .collect(Collectors.joining("\n"));
  }

  private StandInState state(String environment) {
    return cloud.backend(
        cloudName.equals("gcp")
            ? "invoice-bridge/" + environment + "/gcp"
            : "invoice-bridge/" + environment + "/" + cloudName + ".tfstate");
  }

  private static FakeBridgeEndpoint bridge(String token, StandInState state) throws IOException {
    FakeBridgeEndpoint bridge = new FakeBridgeEndpoint(token, state.deployedVersionFile());
    state.url(bridge.url());
    return bridge;
  }

  private WorkflowRun.Repository repository() {
    Map<String, String> variables =
        Map.ofEntries(
            Map.entry("DEPLOY_CLOUD", cloudName),
            Map.entry("UPSTASH_EMAIL", "ops@example.com"),
            Map.entry("ALERT_EMAILS", "ops@example.com, oncall@example.com"),
            Map.entry("TF_STATE_BUCKET", "example-invoice-bridge-state"),
            Map.entry("AWS_REGION", "ap-northeast-1"),
            Map.entry("AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/invoice-bridge-deploy"),
            Map.entry("GCP_PROJECT_ID", "example-invoice-bridge"),
            Map.entry(
                "GCP_WORKLOAD_IDENTITY_PROVIDER",
                "projects/123456789012/locations/global/workloadIdentityPools/github/providers/repo"),
            Map.entry(
                "GCP_SERVICE_ACCOUNT", "deploy@example-invoice-bridge.iam.gserviceaccount.com"),
            Map.entry("AZURE_CLIENT_ID", "11111111-2222-4333-8444-555555555555"),
            Map.entry("AZURE_TENANT_ID", "66666666-7777-4888-9999-aaaaaaaaaaaa"),
            Map.entry("AZURE_SUBSCRIPTION_ID", "0b1c2d3e-4f50-4a6b-8c7d-9e0f1a2b3c4d"),
            Map.entry("TF_STATE_RESOURCE_GROUP", "invoice-bridge-state"),
            Map.entry("TF_STATE_STORAGE_ACCOUNT", "invoicebridgestate"));
    Map<String, String> secrets =
        Map.of(
            "FREEE_CLIENT_ID", "freee-client-id-5501",
            "FREEE_CLIENT_SECRET", "freee-client-secret-5502",
            "UPSTASH_API_KEY", "upstash-api-key-5503",
            "ALERT_WEBHOOK_URL", "https://hooks.example.com/alerts-5504");
    WorkflowRun.Environment staging =
        new WorkflowRun.Environment(
            Map.of(
                "STACK_NAME", "invoice-bridge-stg",
                "FREEE_COMPANY_ID", "1111111",
                "RELEASE_CHECK_PARTNER_CODE", "RELEASE-CHECK",
                "SCALING_SCHEDULE", STAGING_SCALING,
                "APP_SETTINGS", STAGING_APP_SETTINGS),
            Map.of(
                "RUN_TOKEN", STAGING_TOKEN,
                "FREEE_REFRESH_TOKEN", "staging-refresh-token-5505",
                "BATCH_CALLBACK_SECRET", "staging-callback-secret-5507-0123456789abcdef"));
    WorkflowRun.Environment production =
        new WorkflowRun.Environment(
            Map.of("STACK_NAME", "invoice-bridge", "FREEE_COMPANY_ID", "2222222"),
            Map.of(
                "RUN_TOKEN", PRODUCTION_TOKEN,
                "FREEE_REFRESH_TOKEN", "production-refresh-token-5506",
                "BATCH_CALLBACK_SECRET", "production-callback-secret-5508-0123456789abcdef"));
    return new WorkflowRun.Repository(
        variables, secrets, Map.of("staging", staging, "production", production));
  }

  @Override
  public void close() {
    stagingBridge.close();
    productionBridge.close();
  }
}
