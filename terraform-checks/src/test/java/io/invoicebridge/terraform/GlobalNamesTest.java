package io.invoicebridge.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Names that must be unique across a whole cloud (they become host names or bucket names) never
 * come from the base name alone, so two users' default plans do not collide.
 */
class GlobalNamesTest {

  @Test
  void azureNamesModule_derivesStableNamesThatNeverCollide() {
    assumeTrue(
        ExternalCommand.onPath("terraform"),
        "terraform is not on PATH: skipping terraform test of modules/azure-names");

    OfflineTerraform.assertOwnTestsPass("azure-names");
  }

  @Test
  void azureFunction_globallyUniqueResources_takeTheNamesOfAzureNames() {
    // given
    JsonNode main = HclFiles.file(RepositoryLayout.module("azure-function").resolve("main.tf"));
    Map<String, String> expected =
        Map.of(
            "azurerm_function_app_flex_consumption", "${var.global_names.function_app}",
            "azurerm_storage_account", "${var.global_names.storage_account}",
            "azurerm_key_vault", "${var.global_names.key_vault}");

    // when
    List<String> wrong = new ArrayList<>();
    expected.forEach(
        (type, name) -> {
          String actual = Hcl.resource(main, type, "this").path("name").asText();
          if (!actual.equals(name)) {
            wrong.add(type + ".this is named " + actual + ", expected " + name);
          }
        });
    JsonNode stack = HclFiles.directory(RepositoryLayout.stack("azure"));

    // then
    assertEquals(List.of(), wrong);
    assertEquals(
        "${module.names.global_names}",
        Hcl.blocks(stack, "module").get("function").path("global_names").asText(),
        "the Azure stack passes modules/azure-names' names to the function");
  }

  @Test
  void gcpBuckets_names_includeTheGloballyUniqueProjectId() {
    // given
    List<String> buckets = new ArrayList<>();
    List<String> withoutProject = new ArrayList<>();

    // when
    HclFiles.all()
        .forEach(
            (Path path, JsonNode file) ->
                file.path("resource")
                    .path("google_storage_bucket")
                    .fields()
                    .forEachRemaining(
                        bucket -> {
                          String name = bucket.getValue().path(0).path("name").asText();
                          buckets.add(path + ": " + bucket.getKey());
                          if (!name.contains("var.project_id")) {
                            withoutProject.add(path + ": " + bucket.getKey() + " = " + name);
                          }
                        }));

    // then
    assertFalse(buckets.isEmpty(), "the GCP function uploads its source to a bucket");
    assertEquals(List.of(), withoutProject, "bucket names are global: include the project id");
  }
}
