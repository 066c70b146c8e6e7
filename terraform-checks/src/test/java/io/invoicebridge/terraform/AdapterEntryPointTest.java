package io.invoicebridge.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The handler / entry point each cloud module deploys is the class its adapter provides. */
class AdapterEntryPointTest {

  @Test
  void awsFunction_usesTheHandlerOfAdaptersAws() {
    Map<String, JsonNode> locals = Hcl.locals(RepositoryLayout.module("aws-function"));
    JsonNode function = Hcl.resource(main("aws-function"), "aws_lambda_function", "this");

    assertEquals(AdapterEntryPoints.awsHandler(), locals.get("handler").asText());
    assertEquals("${local.handler}", function.path("handler").asText());
    assertEquals("java21", function.path("runtime").asText());
  }

  @Test
  void gcpFunction_usesTheEntryPointOfAdaptersGcp() {
    Map<String, JsonNode> locals = Hcl.locals(RepositoryLayout.module("gcp-function"));
    JsonNode build =
        Hcl.at(
            Hcl.resource(main("gcp-function"), "google_cloudfunctions2_function", "this"),
            "build_config");

    assertEquals(AdapterEntryPoints.gcpEntryPoint(), locals.get("entry_point").asText());
    assertEquals("${local.entry_point}", build.path("entry_point").asText());
    assertEquals("java21", build.path("runtime").asText());
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

  private static JsonNode main(String module) {
    return HclFiles.file(RepositoryLayout.module(module).resolve("main.tf"));
  }
}
