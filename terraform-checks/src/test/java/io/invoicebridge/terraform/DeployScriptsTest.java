package io.invoicebridge.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.terraform.FakeBridgeEndpoint.Behaviour;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * terraform/scripts/deploy.sh and check-health.sh, offline: a stand-in terraform, a stand-in
 * artifact builder and a stand-in bridge that answers as the version last applied would.
 */
class DeployScriptsTest extends StandInBridgeCases {

  private static final String RUN_TOKEN = "Xq3-run-token-that-must-never-be-printed-9f2Lk";
  private static final Map<String, String> ENV = Map.of("RUN_TOKEN", RUN_TOKEN);
  private static final String OTHER_RUN_TOKEN = "another-token-0123456789abcdefghijk";
  private static final String ENTRA_CLIENT_ID = "6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b";

  DeployScriptsTest() {
    super(RUN_TOKEN);
  }

  @BeforeEach
  void start() {
    deployment.url(bridge.url());
  }

  @Test
  void deploy_healthyVersion_appliesItOnceAndSucceeds() {
    deployment.deployed("v1");

    ExternalCommand.Result result = deploy("v2");

    assertEquals(0, result.exitCode(), result.output());
    assertEquals(
        List.of(
            "apply -auto-approve -input=false -var artifact_version=v2 -var package_path=/dist/v2.jar"),
        deployment.applies());
    assertTrue(result.output().contains("healthy: " + bridge.url()), result.output());
    assertEquals("", deployment.buildCalls(), "nothing to roll back");
    assertEquals(
        List.of("after v2"), deployment.redisUserCalls(), "the Redis user after the apply");
  }

  @Test
  void deploy_redisUserCannotBeSet_failsAndTriesThePreviousVersion() {
    deployment.deployed("v1").redisUserFails();

    ExternalCommand.Result result = deploy("v2");

    assertEquals(3, result.exitCode(), result.output());
    assertTrue(
        result.output().contains("the app's Redis user could not be created or updated"),
        result.output());
    assertEquals(List.of("after v2", "after v1"), deployment.redisUserCalls());
  }

  /** The new version answers unhealthy: Redis down, no Redis component, or a failed check. */
  @ParameterizedTest(name = "{3}")
  @CsvSource({
    "DOWN, DOWN, pass, redis DOWN",
    "UP, , pass, the redis component is missing",
    "UP, UP, fail, preflight fails: freee"
  })
  void deploy_unhealthyAfterApply_appliesThePreviousVersionAgain(
      String health, String redis, String preflight, String reason) {
    ExternalCommand.Result result = deployV2Over1(new Behaviour(health, redis, preflight));

    assertRolledBackFromV2ToV1(result);
    assertTrue(result.output().contains(reason), result.output());
  }

  @Test
  void deploy_applyFails_appliesThePreviousVersionAgain() {
    deployment.deployed("v1").applyFails("v2");

    ExternalCommand.Result result = deploy("v2");

    assertRolledBackFromV2ToV1(result);
    assertTrue(result.output().contains("terraform apply of v2 failed"), result.output());
  }

  @Test
  void deploy_firstDeploymentUnhealthy_failsWithoutRollback() {
    bridge.version("v1", new Behaviour("DOWN", "DOWN", "fail"));

    ExternalCommand.Result result = deploy("v1");

    assertEquals(3, result.exitCode(), result.output());
    assertEquals(1, deployment.applies().size(), result.output());
    assertTrue(result.output().contains("no earlier version to roll back to"), result.output());
    assertEquals("", deployment.buildCalls());
  }

  @Test
  void deploy_previousVersionUnhealthyToo_reportsTheFailedRollback() {
    deployment.deployed("v1");
    bridge.version("v1", new Behaviour("DOWN", "UP", "pass"));
    bridge.version("v2", new Behaviour("DOWN", "UP", "pass"));

    ExternalCommand.Result result = deploy("v2");

    assertEquals(3, result.exitCode(), result.output());
    assertEquals(2, deployment.applies().size(), result.output());
    assertTrue(result.output().contains("the rollback to v1 failed too"), result.output());
  }

  @Test
  void deploy_sameVersionAgainUnhealthy_doesNotRollBackToItself() {
    deployment.deployed("v2");
    bridge.version("v2", new Behaviour("UP", "UP", "fail"));

    ExternalCommand.Result result = deploy("v2");

    assertEquals(3, result.exitCode(), result.output());
    assertEquals(1, deployment.applies().size(), result.output());
  }

  @Test
  void checkHealth_wrongToken_failsForLackOfRedisDetails() {
    ExternalCommand.Result result = checkHealth(Map.of("RUN_TOKEN", OTHER_RUN_TOKEN));

    assertEquals(1, result.exitCode(), result.output());
    assertTrue(result.output().contains("the redis component is missing"), result.output());
  }

  @Test
  void checkHealth_wrongTokenWithoutRedis_failsOnPreflight401() {
    ExternalCommand.Result result =
        checkHealth(Map.of("RUN_TOKEN", OTHER_RUN_TOKEN, "REQUIRE_REDIS", "false"));

    assertEquals(1, result.exitCode(), result.output());
    assertTrue(result.output().contains("/v1/preflight answered 401"), result.output());
  }

  @Test
  void checkHealth_withoutRunToken_refusesToStart() {
    ExternalCommand.Result result = checkHealth(Map.of("RUN_TOKEN", ""));

    assertEquals(2, result.exitCode(), result.output());
  }

  @Test
  void scripts_neverPrintOrPassOnTheRunToken() {
    ExternalCommand.Result result = deployV2Over1(new Behaviour("UP", "UP", "fail"));

    assertEquals(1, result.exitCode(), result.output());
    assertTrue(
        result.output().contains("[RUN_TOKEN]"), "the echoed token is cut out: " + result.output());
    assertFalse(result.output().contains(RUN_TOKEN), result.output());
    assertFalse(
        deployment.allRecorded().contains(RUN_TOKEN),
        "no command line (terraform, curl, the builder) may carry the token");
  }

  @Test
  void deploy_azureUnhealthyUntilRestarted_restartsOnceAndSucceeds() {
    deployment.deployed("v1");
    bridge.version("v2", new Behaviour("DOWN", "DOWN", "pass"));
    bridge.version("v2-restarted", new Behaviour("UP", "UP", "pass"));

    ExternalCommand.Result result = deployment.run(ENV, "deploy.sh", "azure", "v2", "/dist/v2.zip");

    assertEquals(0, result.exitCode(), result.output());
    assertEquals(
        "functionapp restart --name invoice-bridge-fn --resource-group invoice-bridge-rg"
            + " --output none\n",
        deployment.azCalls());
    assertEquals("", deployment.buildCalls(), "nothing to roll back");
  }

  @Test
  void deploy_otherCloudUnhealthy_neverRestartsThroughAz() {
    ExternalCommand.Result result = deployV2Over1(new Behaviour("DOWN", "DOWN", "pass"));

    assertRolledBackFromV2ToV1(result);
    assertEquals("", deployment.azCalls());
  }

  @Test
  void checkHealth_gcpIamFrontDoor_sendsAGoogleIdTokenBesideTheRunToken() {
    bridge.frontDoor("X-Serverless-Authorization", "Bearer gcp-id-token-for-tests");

    ExternalCommand.Result result = checkHealth(Map.of("FRONT_DOOR_AUTH", "gcp-iam"));
    ExternalCommand.Result without = checkHealth(Map.of());

    assertEquals(0, result.exitCode(), result.output());
    assertTrue(deployment.gcloudCalls().contains("--audiences=" + bridge.url()));
    assertEquals(1, without.exitCode(), without.output());
  }

  @Test
  void checkHealth_azureEntraFrontDoor_sendsTheRunTokenInItsOwnHeader() {
    bridge.frontDoor("Authorization", "Bearer entra-token-for-tests");

    ExternalCommand.Result result =
        checkHealth(Map.of("FRONT_DOOR_AUTH", "azure-entra:" + ENTRA_CLIENT_ID));

    assertEquals(0, result.exitCode(), result.output());
    assertTrue(deployment.azCalls().contains("--resource api://" + ENTRA_CLIENT_ID));
  }

  @Test
  void checkHealth_awsIamFrontDoor_signsEveryRequestWithoutPrintingTheKeys() {
    bridge.frontDoor("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDFORTESTS/");
    Map<String, String> aws =
        Map.of(
            "FRONT_DOOR_AUTH", "aws-iam",
            "AWS_ACCESS_KEY_ID", "AKIDFORTESTS",
            "AWS_SECRET_ACCESS_KEY", "aws-secret-key-that-must-never-be-printed",
            "AWS_SESSION_TOKEN", "aws-session-token-that-must-never-be-printed",
            "AWS_REGION", "ap-northeast-1");

    ExternalCommand.Result result = checkHealth(aws);

    assertEquals(0, result.exitCode(), result.output());
    String seen = result.output() + deployment.allRecorded();
    assertFalse(seen.contains("aws-secret-key-that-must-never-be-printed"), seen);
    assertFalse(seen.contains("aws-session-token-that-must-never-be-printed"), seen);
    assertFalse(seen.contains(RUN_TOKEN), seen);
  }

  @Test
  void deploy_stackWithAnIamFrontDoor_checksHealthThroughIt() {
    deployment.deployed("v1").frontDoorAuth("gcp-iam");
    bridge.frontDoor("X-Serverless-Authorization", "Bearer gcp-id-token-for-tests");

    ExternalCommand.Result result = deploy("v2");

    assertEquals(0, result.exitCode(), result.output());
    assertEquals("", deployment.buildCalls(), "nothing to roll back");
  }

  /** check-health.sh with the run token, and {@code extra} added to its environment or replaced. */
  private ExternalCommand.Result checkHealth(Map<String, String> extra) {
    Map<String, String> env = new HashMap<>(ENV);
    env.putAll(extra);
    return deployment.run(env, "check-health.sh", bridge.url());
  }

  /** Deploys v2, answering as {@code v2} says, over a deployed v1. */
  private ExternalCommand.Result deployV2Over1(Behaviour v2) {
    deployment.deployed("v1");
    bridge.version("v2", v2);
    return deploy("v2");
  }

  private ExternalCommand.Result deploy(String version) {
    return deployment.run(ENV, "deploy.sh", "aws", version, "/dist/" + version + ".jar");
  }

  private void assertRolledBackFromV2ToV1(ExternalCommand.Result result) {
    assertEquals(1, result.exitCode(), result.output());
    assertEquals(
        List.of(
            "apply -auto-approve -input=false -var artifact_version=v2 -var package_path=/dist/v2.jar",
            "apply -auto-approve -input=false -var artifact_version=v1 -var package_path="
                + directory.resolve("state/rollback/invoice-bridge-aws-v1.jar")),
        deployment.applies(),
        result.output());
    assertEquals("aws v1 " + directory.resolve("state/rollback") + "\n", deployment.buildCalls());
    assertEquals("v1", deployment.deployedVersion());
    assertTrue(result.output().contains("rolled back to v1"), result.output());
  }
}
