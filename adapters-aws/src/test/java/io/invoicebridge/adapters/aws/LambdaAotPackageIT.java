package io.invoicebridge.adapters.aws;

import io.invoicebridge.conformance.deployed.AotPackageCases;
import java.nio.file.Path;

/** The Lambda deployment package applies Micronaut AOT and keeps every bean of ours. */
class LambdaAotPackageIT extends AotPackageCases {

  @Override
  protected Path jar() {
    return Path.of(System.getProperty("function.jar"));
  }

  @Override
  protected Path generatedSources() {
    return Path.of(System.getProperty("aot.generated.sources"));
  }
}
