package io.invoicebridge.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Evaluates the provider-free module terraform/modules/scaling-schedule with {@code terraform
 * console}: the schedule as declared (defaults applied), its periods and what each cloud gets.
 */
final class ScalingScheduleModule {

  private static final String EXPRESSION =
      "jsonencode({schedule = var.schedule, min_instances = local.min_instances,"
          + " periods = local.periods, aws = local.aws_scheduled_actions,"
          + " gcp = local.gcp_scheduler_jobs, azure = local.azure_schedules})";

  private static final Map<String, JsonNode> EVALUATED = new ConcurrentHashMap<>();

  private static boolean initialized;

  private ScalingScheduleModule() {}

  static Path directory() {
    return RepositoryLayout.module("scaling-schedule");
  }

  /** Terraform's working files go to target/, not into the source tree. */
  static Map<String, String> environment() {
    return OfflineTerraform.environment("scaling-schedule");
  }

  static synchronized ExternalCommand.Result init() {
    ExternalCommand.Result init = OfflineTerraform.init(directory(), environment());
    initialized = init.succeeded();
    return init;
  }

  /** The module evaluated with {@code schedule} (an HCL object, e.g. "{}" for the defaults). */
  static JsonNode evaluate(String schedule) {
    return EVALUATED.computeIfAbsent(schedule, ScalingScheduleModule::console);
  }

  private static synchronized JsonNode console(String schedule) {
    if (!initialized) {
      ExternalCommand.Result init = init();
      if (!init.succeeded()) {
        throw new IllegalStateException("terraform init failed:\n" + init.output());
      }
    }
    ExternalCommand.Result console =
        ExternalCommand.run(
            directory(),
            Duration.ofMinutes(1),
            environment(),
            List.of("terraform", "console", "-no-color", "-var", "schedule=" + schedule),
            EXPRESSION + "\n");
    String line =
        console
            .output()
            .lines()
            .filter(l -> l.startsWith("\"{"))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "terraform console printed no JSON for schedule "
                            + schedule
                            + ":\n"
                            + console.output()));
    try {
      ObjectMapper json = new ObjectMapper();
      return json.readTree(json.readValue(line, String.class));
    } catch (IOException e) {
      throw new UncheckedIOException("terraform console printed malformed JSON: " + line, e);
    }
  }
}
