package io.invoicebridge;

import io.invoicebridge.config.ConfigurationInvalidException;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.EmbeddedApplication;
import io.micronaut.runtime.Micronaut;

/** Runs the bridge on the local Netty server; the cloud adapters have entry points of their own. */
public final class Application {

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
