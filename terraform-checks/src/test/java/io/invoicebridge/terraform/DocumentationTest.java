package io.invoicebridge.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The docs cannot rot silently: every relative link and anchor of every Markdown file resolves,
 * every class and file ARCHITECTURE.md names exists, and every alert of ops/service.yaml has the
 * runbook entry its description links to.
 */
class DocumentationTest {

  private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
  private static final Pattern HEADING = Pattern.compile("^#{1,6} (.*)$");
  private static final Pattern CODE = Pattern.compile("`([^`\\s]+)`");
  private static final Pattern CLASS_NAME = Pattern.compile("[A-Z][a-z]+[A-Za-z0-9]*");
  private static final Pattern FILE_NAME =
      Pattern.compile("[\\w.-]+\\.(java|lua|yaml|yml|tf|sh|md|xml|json)");

  @Test
  void everyRelativeLinkAndAnchor_resolves() {
    List<String> broken = new ArrayList<>();
    for (Path file : markdownFiles()) {
      for (String target : links(read(file))) {
        if (target.matches("^[a-z]+:.*")) {
          continue;
        }
        String path = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
        String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : "";
        Path resolved = path.isEmpty() ? file : file.getParent().resolve(path).normalize();
        if (!Files.exists(resolved)) {
          broken.add(relative(file) + ": " + target + " (no such file)");
        } else if (!anchor.isEmpty()
            && resolved.toString().endsWith(".md")
            && !anchors(read(resolved)).contains(anchor)) {
          broken.add(relative(file) + ": " + target + " (no such heading)");
        }
      }
    }
    assertEquals(List.of(), broken);
  }

  @Test
  void everyClassAndFileArchitectureNames_exists() {
    Set<String> files = new LinkedHashSet<>();
    try (Stream<Path> all = Files.walk(RepositoryLayout.root())) {
      all.filter(p -> !ignored(p)).forEach(p -> files.add(p.getFileName().toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> missing = new ArrayList<>();
    Matcher code = CODE.matcher(read(RepositoryLayout.root().resolve("ARCHITECTURE.md")));
    while (code.find()) {
      String name = code.group(1);
      String head = name.split("[.#(]")[0];
      if (CLASS_NAME.matcher(head).matches() && !head.equals(head.toUpperCase(Locale.ROOT))) {
        if (!files.contains(head + ".java")) {
          missing.add(name);
        }
      } else if (FILE_NAME.matcher(name).matches() && !files.contains(name)) {
        missing.add(name);
      } else if (name.endsWith("/") && !Files.isDirectory(RepositoryLayout.root().resolve(name))) {
        missing.add(name);
      }
    }
    assertEquals(List.of(), missing, "named in ARCHITECTURE.md, found nowhere in the repository");
  }

  @Test
  void everyAlert_hasTheRunbookEntryItsDescriptionLinks() {
    String spec = read(RepositoryLayout.root().resolve("ops/service.yaml"));
    Set<String> alerts = new LinkedHashSet<>(keysUnder(spec, "objectives:", 2));
    alerts.addAll(keysUnder(spec, "  alerts:", 4));
    Set<String> entries = anchors(read(RepositoryLayout.root().resolve("docs/operations.md")));
    String opsSpec = read(RepositoryLayout.module("ops-spec").resolve("main.tf"));

    assertTrue(alerts.size() >= 8, "alerts read from ops/service.yaml: " + alerts);
    assertEquals(
        List.of(),
        alerts.stream().filter(a -> !entries.contains(a)).toList(),
        "alerts without a runbook entry in docs/operations.md");
    assertTrue(opsSpec.contains("runbook       = \"docs/operations.md#${objective}\""), opsSpec);
    assertTrue(opsSpec.contains("runbook = \"docs/operations.md#${name}\""), opsSpec);
  }

  /** The keys indented {@code indent} spaces in the block that starts at the line {@code block}. */
  private static List<String> keysUnder(String yaml, String block, int indent) {
    List<String> keys = new ArrayList<>();
    int blockIndent = block.length() - block.stripLeading().length();
    boolean inside = false;
    for (String line : yaml.split("\n")) {
      int lineIndent = line.length() - line.stripLeading().length();
      if (line.equals(block)) {
        inside = true;
      } else if (inside && !line.isBlank() && !line.stripLeading().startsWith("#")) {
        if (lineIndent <= blockIndent) {
          break;
        }
        if (lineIndent == indent && line.trim().matches("[a-z0-9_]+:")) {
          keys.add(line.trim().replace(":", ""));
        }
      }
    }
    return keys;
  }

  private static List<Path> markdownFiles() {
    try (Stream<Path> all = Files.walk(RepositoryLayout.root())) {
      return all.filter(p -> p.toString().endsWith(".md") && !ignored(p)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean ignored(Path path) {
    String text = RepositoryLayout.root().relativize(path).toString();
    return text.startsWith(".git")
        || text.contains("node_modules")
        || text.contains("target")
        || text.startsWith("bench-out");
  }

  /** Link targets outside fenced code blocks. */
  private static List<String> links(String markdown) {
    List<String> targets = new ArrayList<>();
    for (String line : prose(markdown)) {
      Matcher m = LINK.matcher(line);
      while (m.find()) {
        targets.add(m.group(1));
      }
    }
    return targets;
  }

  /** GitHub's anchors of the headings outside fenced code blocks. */
  static Set<String> anchors(String markdown) {
    Set<String> anchors = new LinkedHashSet<>();
    for (String line : prose(markdown)) {
      Matcher m = HEADING.matcher(line);
      if (m.matches()) {
        anchors.add(
            m.group(1)
                .trim()
                .toLowerCase(Locale.ROOT)
                .replace("`", "")
                .replaceAll("[^\\p{L}\\p{N}_\\- ]", "")
                .replace(' ', '-'));
      }
    }
    return anchors;
  }

  private static List<String> prose(String markdown) {
    List<String> lines = new ArrayList<>();
    boolean fenced = false;
    for (String line : markdown.split("\n")) {
      if (line.startsWith("```")) {
        fenced = !fenced;
      } else if (!fenced) {
        lines.add(line);
      }
    }
    return lines;
  }

  private static String relative(Path file) {
    return RepositoryLayout.root().relativize(file).toString();
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
