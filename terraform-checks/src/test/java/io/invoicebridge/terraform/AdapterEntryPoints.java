package io.invoicebridge.terraform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The entry points the adapters use, read from the adapter sources when they are there, else the
 * names agreed in issue 5 (the constants below, the one place to change them).
 */
final class AdapterEntryPoints {

  // What the adapters use, as agreed in issue 5; the fallback when an adapter's sources are absent.
  static final String AWS_HANDLER =
      "io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction";
  static final String GCP_ENTRY_POINT = "io.micronaut.gcp.function.http.HttpFunction";
  static final String AZURE_FUNCTION_NAME = "invoice-bridge";
  static final String AZURE_FUNCTION_CLASS =
      "io.invoicebridge.adapters.azure.InvoiceBridgeFunction";

  private static final Pattern PACKAGE =
      Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
  private static final Pattern FUNCTION_NAME =
      Pattern.compile("@FunctionName\\(\\s*\"([^\"]+)\"\\s*\\)");
  private static final Pattern AWS_MICRONAUT_HANDLER =
      Pattern.compile("io\\.micronaut\\.function\\.aws\\.proxy\\.[\\w.]*Function\\b");
  private static final Pattern GCP_MICRONAUT_ENTRY_POINT =
      Pattern.compile("io\\.micronaut\\.gcp\\.function\\.http\\.\\w*Function\\b");

  private AdapterEntryPoints() {}

  /** A subclass of Micronaut's handler in adapters-aws, else a handler named in its resources. */
  static String awsHandler() {
    Path adapter = RepositoryLayout.root().resolve("adapters-aws");
    return subclassOf(adapter, "APIGatewayV2HTTPEventFunction")
        .map(JavaClass::qualifiedName)
        .or(() -> firstMatch(adapter.resolve("src/main/resources"), AWS_MICRONAUT_HANDLER))
        .orElse(AWS_HANDLER);
  }

  /**
   * A subclass of Micronaut's HttpFunction in adapters-gcp, else an entry point named in its
   * resources or pom.
   */
  static String gcpEntryPoint() {
    Path adapter = RepositoryLayout.root().resolve("adapters-gcp");
    return subclassOf(adapter, "HttpFunction")
        .map(JavaClass::qualifiedName)
        .or(() -> firstMatch(adapter.resolve("src/main/resources"), GCP_MICRONAUT_ENTRY_POINT))
        .or(() -> firstMatch(adapter.resolve("pom.xml"), GCP_MICRONAUT_ENTRY_POINT))
        .orElse(GCP_ENTRY_POINT);
  }

  static String azureFunctionClass() {
    return azureFunction().map(JavaClass::qualifiedName).orElse(AZURE_FUNCTION_CLASS);
  }

  static String azureFunctionName() {
    return azureFunction()
        .flatMap(c -> find(FUNCTION_NAME, c.source()))
        .orElse(AZURE_FUNCTION_NAME);
  }

  private static Optional<JavaClass> azureFunction() {
    return subclassOf(RepositoryLayout.root().resolve("adapters-azure"), "AzureHttpFunction");
  }

  private record JavaClass(String packageName, String simpleName, String source) {
    String qualifiedName() {
      return packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
    }
  }

  private static Optional<JavaClass> subclassOf(Path adapter, String superclass) {
    Pattern declaration =
        Pattern.compile(
            "class\\s+(\\w+)\\s+extends\\s+(?:[\\w.]+\\.)?" + Pattern.quote(superclass) + "\\b");
    for (Path file : files(adapter.resolve("src/main/java"))) {
      String source = read(file);
      Matcher m = declaration.matcher(source);
      if (m.find()) {
        String pkg = find(PACKAGE, source).orElse("");
        return Optional.of(new JavaClass(pkg, m.group(1), source));
      }
    }
    return Optional.empty();
  }

  private static Optional<String> firstMatch(Path where, Pattern pattern) {
    for (Path file : files(where)) {
      Matcher m = pattern.matcher(read(file));
      if (m.find()) {
        return Optional.of(m.group());
      }
    }
    return Optional.empty();
  }

  private static Optional<String> find(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  private static List<Path> files(Path where) {
    if (Files.isRegularFile(where)) {
      return List.of(where);
    }
    if (!Files.isDirectory(where)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(where)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      // A binary resource is not where a class name would be written.
      return "";
    }
  }
}
