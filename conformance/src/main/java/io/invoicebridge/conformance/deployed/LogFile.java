package io.invoicebridge.conformance.deployed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** What a child process wrote, read back line by line as a log service would store it. */
public record LogFile(Path path) {

  /** A structured line's level (any cloud's field name) or a plain line's level word. */
  private static final Pattern ERROR =
      Pattern.compile(
          "\"(level|severity)\"\\s*:\\s*\"ERROR\"|^\\S+\\s+\\S*\\s*ERROR\\b|\\bERROR\\s");

  public List<String> lines() {
    if (!Files.exists(path)) {
      return List.of();
    }
    try {
      return Files.readAllLines(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public List<String> linesContaining(String text) {
    return lines().stream().filter(line -> line.contains(text)).toList();
  }

  /** Lines logged at ERROR, or a stack trace's first line, from line {@code from} on. */
  public List<String> errorLines(int from) {
    List<String> all = lines();
    return all.subList(Math.min(from, all.size()), all.size()).stream()
        .filter(line -> ERROR.matcher(line).find() || line.startsWith("Exception in thread"))
        .toList();
  }
}
