package io.invoicebridge.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.invoicebridge.terraform.FakeBridgeEndpoint.Behaviour;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * .github/workflows/deploy.yml run offline as GitHub would run it on a push ({@link WorkflowRun}):
 * the build job, then deploy-environment.yml for staging and for production, every {@code run:}
 * step in bash, on a stand-in terraform that keeps one state per backend key and requires what each
 * stack requires, and one stand-in bridge per environment answering with that environment's run
 * token.
 */
class WorkflowRunTest {

  private static final String SHA = "0a1b2c3d4e5f60718293a4b5c6d7e8f901234567";
  private static final String VERSION = SHA.substring(0, 12);
  private static final String EARLIER = "9f8e7d6c5b4a";

  @TempDir Path directory;
  private StandInDeployment cloud;
  private DeployWorld world;

  @AfterEach
  void stop() {
    if (world != null) {
      world.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"aws", "gcp", "azure"})
  void push_goodRelease_reachesProductionThroughStaging(String cloudName) throws IOException {
    // given
    start(cloudName);
    world.staging().deployed(EARLIER);
    world.production().deployed(EARLIER);

    // when
    WorkflowRun run = world.push();

    // then
    assertTrue(world.succeeded(), world.log());
    assertEquals(
        List.of(
            "build success",
            "staging/deploy success",
            "staging success",
            "production/deploy success",
            "production success"),
        world.jobs());
    String artifact = "dist/invoice-bridge-" + cloudName + "-" + VERSION;
    assertEquals(
        List.of("staging dry run " + artifact, "staging " + artifact, "production " + artifact),
        world.appliesInOrder(),
        "staging in dry run, staging, then production, each with the one artifact");
    assertEquals(
        List.of(new FakeInvoiceApi.Created("release-check/" + VERSION, 9_000_001, 1_111_111)),
        world.stagingBridge().invoices().created(),
        "one real invoice, in the staging company");
    assertEquals(List.of(), world.productionBridge().invoices().created());
    assertEquals("", cloud.buildCalls(), "nothing rolled back");
    assertTrue(run.steps().stream().noneMatch(s -> s.outcome().equals("failure")), world.log());
  }

  @Test
  void push_environmentSettings_reachEachEnvironmentsApply() throws IOException {
    // given
    start("gcp");

    // when
    world.push();

    // then
    assertTrue(world.succeeded(), world.log());
    for (StandInState state : List.of(world.staging(), world.production())) {
      assertEquals(
          "[\"ops@example.com\",\"oncall@example.com\"]", state.read("deployed_alert_emails"));
      assertEquals("set", state.read("deployed_alert_webhook"));
    }
    assertEquals("1111111", world.staging().read("deployed_company_id"));
    assertEquals("2222222", world.production().read("deployed_company_id"));
    assertEquals(DeployWorld.STAGING_SCALING, world.staging().read("deployed_scaling_schedule"));
    assertEquals("", world.production().read("deployed_scaling_schedule"), "defaults kept");
    assertEquals("5000", world.staging().read("deployed_rate_limit_per_day"), "APP_SETTINGS");
    assertEquals("", world.production().read("deployed_rate_limit_per_day"), "defaults kept");
  }

  @Test
  void push_productionCheckFails_rollsProductionBackAndFails() throws IOException {
    // given
    startWithEarlierDeployed("aws");
    world.productionBridge().version(VERSION, new Behaviour("UP", "UP", "fail"));

    // when
    world.push();

    // then
    assertFalse(world.succeeded(), world.log());
    assertEquals("production/deploy failure", world.jobs().get(3));
    assertEquals(EARLIER, world.production().deployedVersion(), "the earlier version runs again");
    assertEquals(VERSION, world.staging().deployedVersion());
    assertTrue(cloud.buildCalls().startsWith("aws " + EARLIER + " "), cloud.buildCalls());
    assertTrue(world.log().contains("rolled back to " + EARLIER), world.log());
  }

  @Test
  void push_stagingHealthFails_stopsBeforeProduction() throws IOException {
    // given
    startWithEarlierDeployed("aws");
    world.stagingBridge().version(VERSION, new Behaviour("DOWN", "DOWN", "pass"));

    // when
    world.push();

    // then
    assertFalse(world.succeeded(), world.log());
    assertEquals(
        List.of("build success", "staging/deploy failure", "staging failure", "production skipped"),
        world.jobs());
    assertEquals(List.of(), world.production().terraformCalls(), "production is never touched");
    assertEquals(EARLIER, world.production().deployedVersion());
  }

  @Test
  void push_stagingInvoiceNotFoundAfterCreation_stopsBeforeProduction() throws IOException {
    // given
    startWithEarlierDeployed("aws");
    world.stagingBridge().invoices().forgetKeys();

    // when
    world.push();

    // then
    assertFalse(world.succeeded(), world.log());
    assertEquals("production skipped", world.jobs().get(3));
    assertEquals(List.of(), world.production().terraformCalls());
    assertTrue(world.log().contains("answered 404"), world.log());
  }

  @Test
  void push_firstDeployment_deploysStagingThenProductionWithoutRollback() throws IOException {
    // given: no state anywhere yet
    start("aws");

    // when
    world.push();

    // then
    assertTrue(world.succeeded(), world.log());
    assertEquals(VERSION, world.staging().deployedVersion());
    assertEquals(VERSION, world.production().deployedVersion());
    assertEquals("", cloud.buildCalls());
    assertTrue(world.log().contains("deployed before: nothing (first deployment)"), world.log());
  }

  @Test
  void push_secrets_reachOnlyTheStepsThatApplyOrCheck() throws IOException {
    // given
    start("aws");

    // when
    WorkflowRun run = world.push();

    // then
    assertTrue(world.succeeded(), world.log());
    List<String> withSecrets =
        run.steps().stream()
            .filter(s -> s.env().values().stream().anyMatch(DeployWorld.SECRET_VALUES::contains))
            .map(s -> s.job() + ": " + s.name())
            .distinct()
            .toList();
    assertEquals(
        List.of(
            "staging/deploy: Apply " + VERSION + " in dry run",
            "staging/deploy: Send a dry-run batch",
            "staging/deploy: Deploy " + VERSION + " (rolls back on failure)",
            "staging/deploy: Create one invoice and look it up",
            "production/deploy: Deploy " + VERSION + " (rolls back on failure)"),
        withSecrets);
    String build = Files.readString(cloud.root().directory().resolve("mvnw-environment"));
    assertTrue(
        DeployWorld.SECRET_VALUES.stream().noneMatch(build::contains),
        "./mvnw verify runs without any secret");
  }

  /** As {@link #start}, with the earlier version running in staging and in production. */
  private void startWithEarlierDeployed(String cloudName) throws IOException {
    start(cloudName);
    world.staging().deployed(EARLIER);
    world.production().deployed(EARLIER);
  }

  private void start(String cloudName) throws IOException {
    assumeTrue(
        ExternalCommand.onPath("bash")
            && ExternalCommand.onPath("curl")
            && ExternalCommand.onPath("jq")
            && ExternalCommand.onPath("zip"),
        "bash, curl, jq and zip are needed to run the workflow's steps");
    cloud = new StandInDeployment(directory.resolve("cloud"));
    RepositoryLayout.CLOUDS.forEach(
        c -> cloud.requiredVariables(c, WorkflowVariablesTest.requiredVariables(c)));
    world = new DeployWorld(directory, cloud, cloudName, SHA);
  }
}
