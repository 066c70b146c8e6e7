package io.invoicebridge.conformance.deployed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

/**
 * The beans of a function package built with Micronaut AOT: those of ours the jar holds (Micronaut
 * lists each in a file under {@code META-INF/micronaut/}) and those the AOT build kept in its
 * static list, from which Micronaut loads bean definitions instead of scanning the jar.
 */
public final class AotBeanLists {

  private static final String REFERENCES =
      "META-INF/micronaut/io.micronaut.inject.BeanDefinitionReference/";
  private static final String OURS = "io.invoicebridge.";
  private static final Pattern QUOTED = Pattern.compile("\"([\\w.$]+)\"");

  private AotBeanLists() {}

  /** Every bean definition of ours that the packaged jar holds. */
  public static Set<String> oursInJar(Path jar) {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      Set<String> names = new TreeSet<>();
      zip.stream()
          .map(entry -> entry.getName())
          .filter(name -> name.startsWith(REFERENCES + OURS))
          .forEach(name -> names.add(name.substring(REFERENCES.length())));
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + jar, e);
    }
  }

  /**
   * The bean definitions AOT kept, read from the source it generated ({@code
   * BeanDefinitionReferenceFactory} in {@code generatedSources}, the one that the jar's class was
   * compiled from).
   */
  public static Set<String> keptByAot(Path generatedSources) {
    try (var files = Files.walk(generatedSources)) {
      List<Path> factories =
          files
              .filter(file -> file.endsWith(Path.of("BeanDefinitionReferenceFactory.java")))
              .toList();
      if (factories.size() != 1) {
        throw new IllegalStateException(
            "expected one BeanDefinitionReferenceFactory.java under "
                + generatedSources
                + ", found "
                + factories);
      }
      Matcher quoted = QUOTED.matcher(Files.readString(factories.getFirst()));
      Set<String> names = new TreeSet<>();
      while (quoted.find()) {
        names.add(quoted.group(1));
      }
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + generatedSources, e);
    }
  }
}
