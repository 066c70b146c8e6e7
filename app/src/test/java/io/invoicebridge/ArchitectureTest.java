package io.invoicebridge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import io.invoicebridge.health.HealthCheck;
import io.invoicebridge.health.PreflightCheck;

/** The dependency rules of ARCHITECTURE.md, enforced on every build. */
@AnalyzeClasses(packages = "io.invoicebridge", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /**
   * A class of another capability that implements one of the bridge's ports (an adapter such as
   * {@code RedisLedger} or {@code FreeeInvoiceGateway}); records implementing a sealed outcome
   * interface are values, not adapters.
   */
  private static final DescribedPredicate<JavaClass> PORT_IMPLEMENTATIONS =
      DescribedPredicate.describe(
          "implement a port of the bridge",
          javaClass ->
              !javaClass.isInterface()
                  && !javaClass.isAssignableTo(Record.class)
                  && !javaClass.getPackageName().startsWith("io.invoicebridge.invoice")
                  && javaClass.getAllRawInterfaces().stream()
                      .anyMatch(port -> port.getPackageName().startsWith("io.invoicebridge.")));

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
  static final ArchRule batchEngineNeverNamesAnAdapter =
      noClasses()
          .that()
          .resideInAPackage("io.invoicebridge.invoice..")
          .should()
          .dependOnClassesThat(PORT_IMPLEMENTATIONS)
          .because(
              "the engine works on InvoiceGateway, Ledger, RateLimiter and the like; which"
                  + " implementation runs is chosen by each capability's factory");

  @ArchTest
  static final ArchRule noPackageCycles =
      slices()
          .matching("io.invoicebridge.(*)..")
          .should()
          .beFreeOfCycles()
          .because("config is the base every capability reads; nothing may loop back into it");

  @ArchTest
  static final ArchRule noSubPackageCycles =
      slices()
          .matching("io.invoicebridge.(**)")
          .should()
          .beFreeOfCycles()
          .because(
              "a sub-package (freee.token, freee.answer, invoice.validation) is a layer its"
                  + " capability builds on, never a loop back into it");

  @ArchTest
  static final ArchRule healthChecksLiveInHealth =
      classes()
          .that()
          .areAssignableTo(HealthCheck.class)
          .or()
          .areAssignableTo(PreflightCheck.class)
          .and()
          .areNotInterfaces()
          .should()
          .resideInAPackage("io.invoicebridge.health")
          .because(
              "every health check and preflight check sits in one place, named for what it"
                  + " watches, so /health and the checklist are read in one package");

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
          .resideInAnyPackage("io.invoicebridge.ledger..", "io.invoicebridge.quota..")
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
              "io.invoicebridge.quota..",
              "io.invoicebridge.redis..")
          .because("every capability reports through the metrics port, so it must not know them");
}
