package io.invoicebridge.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cloud's own identity at the front door, as an option of every stack ({@code iam_front_door},
 * default off: the run token alone), on the parsed HCL; {@link ProviderSchemaTest} checks every
 * argument and block against the providers' schemas. On: AWS_IAM on the function URL (or the HTTP
 * API's route) and no public permission; no allUsers on the Cloud Function, the invoker role for
 * the named members and the function's own service account; Azure's built-in authentication
 * (Microsoft Entra ID) answering 401 to anonymous callers.
 */
class FrontDoorIdentityTest {

  private static JsonNode module(String name) {
    return HclFiles.file(RepositoryLayout.module(name).resolve("main.tf"));
  }

  private static JsonNode variable(Path directory, String name) {
    return Hcl.blocks(directory, "variable").get(name);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"aws", "gcp", "azure"})
  void stacks_offerTheOptionOffByDefaultAndHandItToTheirFunction(String cloud) {
    // given
    JsonNode option = variable(RepositoryLayout.stack(cloud), "iam_front_door");
    JsonNode function =
        HclFiles.directory(RepositoryLayout.stack(cloud)).path("module").path("function").path(0);

    // then
    assertEquals("bool", SettingVariables.type(option), cloud);
    assertFalse(option.path("default").asBoolean(true), cloud + ": off unless asked for");
    assertEquals("${var.iam_front_door}", function.path("iam_front_door").asText(), cloud);
    assertEquals("${var.iam_invokers}", function.path("iam_invokers").asText(), cloud);
  }

  @Test
  void aws_optionOn_functionUrlTakesOnlySignedRequestsOfNamedPrincipals() {
    // given
    JsonNode main = module("aws-function");
    JsonNode url = Hcl.resource(main, "aws_lambda_function_url", "this");
    JsonNode route = Hcl.resource(main, "aws_apigatewayv2_route", "this");
    JsonNode named = Hcl.resource(main, "aws_lambda_permission", "function_url_iam");
    JsonNode namedInvoke = Hcl.resource(main, "aws_lambda_permission", "function_url_iam_invoke");

    // then
    assertEquals(
        "${var.iam_front_door ? \"AWS_IAM\" : \"NONE\"}", url.path("authorization_type").asText());
    assertEquals(
        "${var.iam_front_door ? \"AWS_IAM\" : \"NONE\"}",
        route.path("authorization_type").asText());
    for (String open : new String[] {"function_url", "function_url_invoke"}) {
      JsonNode permission = Hcl.resource(main, "aws_lambda_permission", open);
      assertEquals("*", permission.path("principal").asText(), open);
      assertTrue(
          permission.path("count").asText().contains("!var.iam_front_door"),
          open + ": the public permission must go with the option on");
    }
    assertEquals("AWS_IAM", named.path("function_url_auth_type").asText());
    assertEquals("${each.key}", named.path("principal").asText());
    assertTrue(named.path("for_each").asText().contains("var.iam_invokers"));
    assertTrue(namedInvoke.path("invoked_via_function_url").asBoolean());
    assertEquals(named.path("for_each").asText(), namedInvoke.path("for_each").asText());
  }

  @Test
  void gcp_optionOn_noAllUsersAndTheInvokerRoleForNamedMembersAndCloudTasks() {
    // given
    JsonNode main = module("gcp-function");
    JsonNode everyone = Hcl.resource(main, "google_cloud_run_service_iam_member", "invoker");
    JsonNode named = Hcl.resource(main, "google_cloud_run_service_iam_member", "named_invokers");

    // then
    assertEquals("allUsers", everyone.path("member").asText());
    assertEquals("${var.iam_front_door ? 0 : 1}", everyone.path("count").asText());
    assertEquals("roles/run.invoker", named.path("role").asText());
    String members = named.path("for_each").asText();
    assertTrue(members.startsWith("${var.iam_front_door ?"), members);
    assertTrue(members.contains("var.iam_invokers"), members);
    assertTrue(
        members.contains("serviceAccount:${google_service_account.this.email}"),
        "Cloud Tasks delivers with the function's own service account: " + members);
    assertFalse(members.contains("allUsers"), members);
  }

  @Test
  void azure_optionOn_builtInAuthenticationRefusesAnonymousCallers() {
    // given
    JsonNode app =
        Hcl.resource(module("azure-function"), "azurerm_function_app_flex_consumption", "this");
    JsonNode dynamic = app.path("dynamic").path("auth_settings_v2").path(0);
    JsonNode auth = dynamic.path("content").path(0);
    JsonNode entra = auth.path("active_directory_v2").path(0);

    // then
    assertEquals("${var.iam_front_door ? [1] : []}", dynamic.path("for_each").asText());
    assertTrue(auth.path("auth_enabled").asBoolean());
    assertTrue(auth.path("require_authentication").asBoolean());
    assertEquals("Return401", auth.path("unauthenticated_action").asText());
    assertEquals("${var.iam_client_id}", entra.path("client_id").asText());
    assertEquals("${var.iam_invokers}", entra.path("allowed_applications").asText());
    assertTrue(entra.path("tenant_auth_endpoint").asText().contains("login.microsoftonline.com"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"aws", "gcp", "azure"})
  void stacks_tellTheDeploymentHowToGetThroughTheFrontDoor(String cloud) {
    JsonNode output =
        Hcl.blocks(HclFiles.directory(RepositoryLayout.stack(cloud)), "output")
            .get("front_door_auth");

    assertEquals("${module.function.front_door.auth}", output.path("value").asText(), cloud);
  }
}
