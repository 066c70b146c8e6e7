package io.invoicebridge;

import io.invoicebridge.config.ConfigurationInvalidException;
import io.invoicebridge.problem.Problem;
import io.micronaut.context.ApplicationContext;
import io.micronaut.openapi.annotation.OpenAPIExtraSchema;
import io.micronaut.runtime.EmbeddedApplication;
import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;

/**
 * Runs the bridge on the local Netty server; the cloud adapters have entry points of their own. The
 * annotations head the OpenAPI description of the API that the build generates (docs/openapi.yml).
 */
@OpenAPIDefinition(
    info =
        @Info(
            title = "invoice-bridge",
            version = "v1",
            description =
                "Creates invoices in freee exactly once within freee's rate limits. Every error is"
                    + " application/problem+json with a stable type"
                    + " (urn:invoice-bridge:problem:<name>); every answer carries X-Request-Id."),
    servers =
        @Server(
            url = "/",
            description =
                "The bridge's own address: the stack's url output (terraform output url), or"
                    + " http://localhost:8080 locally"),
    security = @SecurityRequirement(name = Application.RUN_TOKEN_SCHEME))
@SecurityScheme(
    name = Application.RUN_TOKEN_SCHEME,
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    description = "The operator's RUN_TOKEN, on every /v1 path")
@OpenAPIExtraSchema(classes = Problem.class)
public final class Application {

  static final String RUN_TOKEN_SCHEME = "runToken";

  /** Exit status for a configuration the bridge refuses to start with. */
  static final int EXIT_INVALID_CONFIGURATION = 2;

  private Application() {}

  public static void main(String[] args) {
    ApplicationContext context = Micronaut.build(args).mainClass(Application.class).build();
    try {
      context.start();
    } catch (RuntimeException failure) {
      ConfigurationInvalidException.in(failure)
          .ifPresent(
              invalid -> {
                System.err.println("invoice-bridge: " + invalid.getMessage());
                System.exit(EXIT_INVALID_CONFIGURATION);
              });
      throw failure;
    }
    EmbeddedApplication<?> server = context.getBean(EmbeddedApplication.class);
    Runtime.getRuntime().addShutdownHook(new Thread(context::close, "shutdown"));
    server.start();
  }
}
