package io.invoicebridge.adapters.gcp;

import io.invoicebridge.conformance.deployed.AotPackageCases;
import java.nio.file.Path;

/** The Cloud Functions jar applies Micronaut AOT and keeps every bean of ours. */
class InvokerAotPackageIT extends AotPackageCases {

  @Override
  protected Path jar() {
    return Path.of(System.getProperty("function.jar"));
  }

  @Override
  protected Path generatedSources() {
    return Path.of(System.getProperty("aot.generated.sources"));
  }
}
