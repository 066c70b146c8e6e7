package io.invoicebridge.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The handler / entry point each cloud module deploys is the class its adapter provides. */
class AdapterEntryPointTest {

  @Test
  void awsFunction_usesTheHandlerOfAdaptersAws() {
    JsonNode function = Hcl.resource(main("aws-function"), "aws_lambda_function", "this");

    assertRunsJava21Through("aws-function", function, "handler", AdapterEntryPoints.awsHandler());
  }

  @Test
  void gcpFunction_usesTheEntryPointOfAdaptersGcp() {
    JsonNode build =
        Hcl.at(
            Hcl.resource(main("gcp-function"), "google_cloudfunctions2_function", "this"),
            "build_config");

    assertRunsJava21Through(
        "gcp-function", build, "entry_point", AdapterEntryPoints.gcpEntryPoint());
  }

  @Test
  void azureFunction_namesTheFunctionAndClassOfAdaptersAzure() {
    Map<String, JsonNode> locals = Hcl.locals(RepositoryLayout.module("azure-function"));
    JsonNode app =
        Hcl.resource(main("azure-function"), "azurerm_function_app_flex_consumption", "this");

    assertEquals(AdapterEntryPoints.azureFunctionName(), locals.get("function_name").asText());
    assertEquals(AdapterEntryPoints.azureFunctionClass(), locals.get("function_class").asText());
    assertEquals("java", app.path("runtime_name").asText());
    assertEquals("21", app.path("runtime_version").asText());
  }

  /**
   * The module's local {@code name} is {@code expected} and {@code block} takes its attribute of
   * the same name from that local, on the java21 runtime.
   */
  private static void assertRunsJava21Through(
      String module, JsonNode block, String name, String expected) {
    Map<String, JsonNode> locals = Hcl.locals(RepositoryLayout.module(module));
    assertEquals(expected, locals.get(name).asText());
    assertEquals("${local." + name + "}", block.path(name).asText());
    assertEquals("java21", block.path("runtime").asText());
  }

  private static JsonNode main(String module) {
    return HclFiles.file(RepositoryLayout.module(module).resolve("main.tf"));
  }
}
