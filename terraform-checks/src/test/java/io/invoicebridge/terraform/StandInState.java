package io.invoicebridge.terraform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One Terraform state as the stand-in terraform of {@link StandInDeployment} keeps it: a directory
 * of plain files. {@code deployed_version} and the other {@code deployed_*} files (dry run, company
 * id, alert e-mails, whether a webhook was set, scaling schedule) say what the last apply deployed;
 * {@code url} answers {@code output -raw url}; {@code apply_fails} lists versions whose apply
 * fails; {@code terraform-calls} records every call, one a line.
 */
final class StandInState {

  private final Path directory;

  StandInState(Path directory) {
    this.directory = directory;
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path directory() {
    return directory;
  }

  Path deployedVersionFile() {
    return directory.resolve("deployed_version");
  }

  StandInState deployed(String version) {
    return write("deployed_version", version);
  }

  StandInState url(String url) {
    return write("url", url);
  }

  StandInState applyFails(String version) {
    return write("apply_fails", version + "\n");
  }

  String deployedVersion() {
    return read("deployed_version");
  }

  /** The argument lists terraform was called with in this state, one a line. */
  List<String> terraformCalls() {
    return read("terraform-calls").lines().toList();
  }

  List<String> applies() {
    return terraformCalls().stream().filter(c -> c.startsWith("apply ")).toList();
  }

  StandInState write(String file, String content) {
    try {
      Files.writeString(directory.resolve(file), content);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String read(String file) {
    try {
      Path path = directory.resolve(file);
      return Files.exists(path) ? Files.readString(path) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
