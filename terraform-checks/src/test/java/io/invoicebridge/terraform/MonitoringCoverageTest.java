package io.invoicebridge.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each cloud's monitoring holds an alert for every burn-rate window pair and every zero-tolerance
 * rule of ops/service.yaml (one resource instance per entry the ops-spec module computes; its own
 * tests prove those entries cover every objective and rule), each alert notifies the targets of its
 * severity, and each stack builds its monitoring from the repository's specification.
 */
class MonitoringCoverageTest {

  private static final String BURN_RATE_ALERTS = "${module.spec.burn_rate_alerts}";
  private static final String ZERO_TOLERANCE_ALERTS = "${module.spec.zero_tolerance_alerts}";
  private static final String SEVERITIES = "${module.spec.notifications}";

  /**
   * One alerting resource: the cloud, its file, type and label, the attribute path of its action
   * and the notification resource (or local) that action must name.
   */
  record Alerting(
      String cloud,
      String file,
      String type,
      String label,
      String forEach,
      List<String> action,
      String notifies) {}

  static Stream<Alerting> alerting() {
    return Stream.of(
        new Alerting(
            "aws",
            "main.tf",
            "aws_cloudwatch_composite_alarm",
            "burn_rate",
            BURN_RATE_ALERTS,
            List.of("alarm_actions"),
            "aws_sns_topic.this[each.value.severity]"),
        new Alerting(
            "aws",
            "main.tf",
            "aws_cloudwatch_metric_alarm",
            "zero_tolerance",
            ZERO_TOLERANCE_ALERTS,
            List.of("alarm_actions"),
            "aws_sns_topic.this[each.value.severity]"),
        new Alerting(
            "gcp",
            "alerts.tf",
            "google_monitoring_alert_policy",
            "burn_rate",
            BURN_RATE_ALERTS,
            List.of("notification_channels"),
            "local.channels[each.value.severity]"),
        new Alerting(
            "gcp",
            "alerts.tf",
            "google_monitoring_alert_policy",
            "zero_tolerance",
            ZERO_TOLERANCE_ALERTS,
            List.of("notification_channels"),
            "local.channels[each.value.severity]"),
        new Alerting(
            "azure",
            "main.tf",
            "azurerm_monitor_scheduled_query_rules_alert_v2",
            "burn_rate",
            BURN_RATE_ALERTS,
            List.of("action", "action_groups"),
            "azurerm_monitor_action_group.this[each.value.severity]"),
        new Alerting(
            "azure",
            "main.tf",
            "azurerm_monitor_scheduled_query_rules_alert_v2",
            "zero_tolerance",
            ZERO_TOLERANCE_ALERTS,
            List.of("action", "action_groups"),
            "azurerm_monitor_action_group.this[each.value.severity]"));
  }

  @ParameterizedTest
  @MethodSource("alerting")
  void alertResource_hasOneInstancePerRuleAndNotifiesItsSeverity(Alerting alerting) {
    // given
    JsonNode body =
        Hcl.resource(file(alerting.cloud(), alerting.file()), alerting.type(), alerting.label());

    // when
    String forEach = body.path("for_each").asText();
    JsonNode action = Hcl.at(body, alerting.action().toArray(String[]::new));

    // then
    String name = alerting.cloud() + " " + alerting.type() + "." + alerting.label();
    assertFalse(body.isMissingNode(), name + " is missing");
    assertEquals(alerting.forEach(), forEach, name + " must have one instance per rule");
    assertTrue(
        action.toString().contains(alerting.notifies()),
        name + " must notify " + alerting.notifies() + ", has " + action);
  }

  @ParameterizedTest
  @MethodSource("clouds")
  void notificationTargets_existForEverySeverity(String cloud, String file, String type) {
    JsonNode body = Hcl.resource(file(cloud, file), type, "this");
    assertEquals(
        SEVERITIES,
        body.path("for_each").asText(),
        cloud + ": " + type + " must exist for every severity of the specification");
  }

  static Stream<Arguments> clouds() {
    return Stream.of(
        Arguments.of("aws", "main.tf", "aws_sns_topic"),
        Arguments.of("azure", "main.tf", "azurerm_monitor_action_group"));
  }

  @ParameterizedTest
  @MethodSource("cloudNames")
  void stack_buildsItsMonitoringFromTheRepositorySpecification(String cloud) {
    // given
    JsonNode stack = HclFiles.directory(RepositoryLayout.stack(cloud));
    JsonNode monitoringModule = HclFiles.file(monitoring(cloud).resolve("main.tf"));

    // when
    JsonNode call = Hcl.blocks(stack, "module").get("monitoring");
    JsonNode spec = Hcl.blocks(monitoringModule, "module").get("spec");

    // then
    assertTrue(call != null, cloud + ": the stack has no module \"monitoring\"");
    assertEquals("../modules/" + cloud + "-monitoring", call.path("source").asText());
    assertTrue(
        call.path("spec_yaml").asText().contains("/../../ops/service.yaml"),
        cloud + ": spec_yaml must be the repository's ops/service.yaml");
    assertEquals("../ops-spec", spec.path("source").asText());
    assertEquals("${var.spec_yaml}", spec.path("spec_yaml").asText());
  }

  static Stream<String> cloudNames() {
    return RepositoryLayout.CLOUDS.stream();
  }

  private static Path monitoring(String cloud) {
    return RepositoryLayout.module(cloud + "-monitoring");
  }

  private static JsonNode file(String cloud, String name) {
    return HclFiles.file(monitoring(cloud).resolve(name));
  }
}
