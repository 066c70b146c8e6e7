package io.invoicebridge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rules of DESIGN section 1, enforced on every build. */
@AnalyzeClasses(packages = "io.invoicebridge", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule batchEngineSeesOnlyPorts =
      noClasses()
          .that()
          .resideInAPackage("io.invoicebridge.invoice..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.lettuce..", "io.micronaut.http.client..", "io.invoicebridge.redis..")
          .because("the batch engine talks to freee, the ledger and the limiter through ports");

  @ArchTest
  static final ArchRule appUsesNoCloudSdk =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "com.amazonaws..",
              "software.amazon..",
              "com.google.cloud..",
              "com.microsoft.azure..",
              "io.micronaut.function.aws..",
              "io.micronaut.gcp..",
              "io.micronaut.azure..")
          .because("the same app deploys unchanged to every cloud");

  @ArchTest
  static final ArchRule storesDoNotReachIntoTheEngine =
      noClasses()
          .that()
          .resideInAnyPackage("io.invoicebridge.ledger..", "io.invoicebridge.limit..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.invoicebridge.invoice..")
          .because("ports and stores know nothing of the batch engine");

  @ArchTest
  static final ArchRule operationalEventsStandAlone =
      noClasses()
          .that()
          .resideInAPackage("io.invoicebridge.metrics..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.invoicebridge.invoice..",
              "io.invoicebridge.freee..",
              "io.invoicebridge.ledger..",
              "io.invoicebridge.limit..",
              "io.invoicebridge.redis..")
          .because("every capability reports through the metrics port, so it must not know them");
}
