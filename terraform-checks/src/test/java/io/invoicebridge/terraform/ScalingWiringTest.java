package io.invoicebridge.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every stack takes its schedule from modules/scaling-schedule, and every cloud module runs it in
 * the schedule's time zone with its own mechanism (checked on the parsed HCL).
 */
class ScalingWiringTest {

  /** The resource that runs each transition, and its time-zone argument. */
  private record Runner(String resourceType, String timeZoneArgument) {}

  private static final Map<String, Runner> RUNNERS =
      Map.of(
          "aws", new Runner("aws_appautoscaling_scheduled_action", "timezone"),
          "gcp", new Runner("google_cloud_scheduler_job", "time_zone"),
          "azure", new Runner("azurerm_automation_schedule", "timezone"));

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"aws", "gcp", "azure"})
  void stacks_takeTimeZoneMinimumsAndMaximumFromTheOneSchedule(String cloud) {
    // given
    JsonNode main = HclFiles.directory(RepositoryLayout.stack(cloud));

    // when
    JsonNode scaling = main.path("module").path("scaling").path(0);
    JsonNode function = main.path("module").path("function").path(0);

    // then
    assertEquals("../modules/scaling-schedule", scaling.path("source").asText(), cloud);
    assertEquals("${var.scaling_schedule}", scaling.path("schedule").asText(), cloud);
    assertEquals("${module.scaling.max_instances}", function.path("max_instances").asText(), cloud);
    String passed = function.path("scaling").toString();
    assertTrue(passed.contains("module.scaling.time_zone"), cloud + ": " + passed);
    assertTrue(passed.contains("module.scaling." + cloud + "_"), cloud + ": " + passed);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"aws", "gcp", "azure"})
  void cloudModules_runEveryTransitionInTheSchedulesTimeZone(String cloud) {
    // given
    Runner runner = RUNNERS.get(cloud);
    JsonNode scaling =
        HclFiles.file(RepositoryLayout.module(cloud + "-function").resolve("scaling.tf"));

    // when
    JsonNode resource = scaling.path("resource").path(runner.resourceType());

    // then
    assertFalse(resource.isMissingNode(), cloud + " has no " + runner.resourceType());
    resource
        .fields()
        .forEachRemaining(
            r -> {
              JsonNode body = r.getValue().path(0);
              assertEquals(
                  "${var.scaling.time_zone}",
                  body.path(runner.timeZoneArgument()).asText(),
                  cloud + ": " + r.getKey());
              assertTrue(body.path("for_each").asText().contains("var.scaling."), r.getKey());
            });
  }

  @Test
  void azureFunctionApp_leavesAlwaysReadyToTheSchedule() {
    JsonNode main = HclFiles.file(RepositoryLayout.module("azure-function").resolve("main.tf"));
    JsonNode app = Hcl.resource(main, "azurerm_function_app_flex_consumption", "this");
    String ignored = Hcl.at(app, "lifecycle").path("ignore_changes").toString();
    assertTrue(
        ignored.contains("always_ready"),
        "the schedule changes always-ready instances; Terraform must ignore them: " + ignored);
  }

  @Test
  void awsFunction_snapStartOnlyWithoutScheduledProvisionedConcurrency() {
    JsonNode main = HclFiles.file(RepositoryLayout.module("aws-function").resolve("main.tf"));
    JsonNode function = Hcl.resource(main, "aws_lambda_function", "this");
    String snapStart = Hcl.at(function, "dynamic", "snap_start").path("for_each").asText();
    assertTrue(
        snapStart.contains("var.warm_start == \"snap-start\""),
        "SnapStart must follow warm_start (Lambda does not combine it with provisioned concurrency): "
            + snapStart);
    JsonNode scaling = HclFiles.file(RepositoryLayout.module("aws-function").resolve("scaling.tf"));
    String target =
        Hcl.resource(scaling, "aws_appautoscaling_target", "provisioned_concurrency")
            .path("count")
            .asText();
    assertTrue(target.contains("local.scheduled_provisioned_concurrency"), target);
  }
}
