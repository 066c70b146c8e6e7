package io.invoicebridge.conformance.deployed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * A function package built with Micronaut AOT (its module has {@code src/main/aot/aot.properties};
 * {@code -Dmicronaut.aot.enabled=false} builds it without) applies AOT and keeps every bean of
 * ours. AOT decides at build time which bean definitions Micronaut may load; one of ours left out
 * would be missing whatever the environment says at run time.
 */
public abstract class AotPackageCases {

  private static final String CONFIGURER =
      "META-INF/services/io.micronaut.context.ApplicationContextConfigurer";

  /** The packaged jar as deployed: the module's failsafe sets {@code function.jar}. */
  private static Path jar() {
    return Path.of(System.getProperty("function.jar"));
  }

  /**
   * Where the module's AOT build wrote its sources ({@code target/aot/generated/sources}): the
   * module's failsafe sets {@code aot.generated.sources}.
   */
  private static Path generatedSources() {
    return Path.of(System.getProperty("aot.generated.sources"));
  }

  @Test
  void package_builtWithAot_registersAotForMicronaut() {
    assumeBuiltWithAot();
    try (ZipFile zip = new ZipFile(jar().toFile())) {
      assertTrue(zip.getEntry(CONFIGURER) != null, jar() + " has no " + CONFIGURER);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void package_builtWithAot_keepsEveryBeanOfOurs() {
    assumeBuiltWithAot();
    Set<String> missing = new TreeSet<>(AotBeanLists.oursInJar(jar()));
    missing.removeAll(AotBeanLists.keptByAot(generatedSources()));

    assertEquals(
        Set.of(),
        missing,
        "beans of ours that Micronaut AOT left out of the package: add them to"
            + " serviceloading.force.include.impls in the module's src/main/aot/aot.properties");
  }

  private void assumeBuiltWithAot() {
    assumeTrue(
        Files.isDirectory(generatedSources()),
        "built without Micronaut AOT: " + generatedSources());
  }
}
