package io.invoicebridge.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares a provider's version constraint in a versions.tf with the provider version the schema
 * snapshot was read from, and says when the snapshot cannot speak for the pinned versions.
 */
final class ProviderVersionNotice {

  /** The lowest version a constraint allows: the version after {@code ~>}, {@code >=} or none. */
  private static final Pattern LOWEST =
      Pattern.compile("^\\s*(?:~>|>=|=)?\\s*(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?");

  private ProviderVersionNotice() {}

  /**
   * A notice when the snapshot's provider version is older than the lowest version the constraint
   * allows (a newer major above all) or is unknown; empty when the snapshot covers the constraint.
   */
  static Optional<String> of(String provider, String constraint, JsonNode snapshot) {
    JsonNode source = snapshot.path(provider);
    String label = provider + " \"" + constraint + "\"";
    if (source.isMissingNode()) {
      return Optional.empty();
    }
    String read = source.path("package").asText() + " " + source.path("package_version").asText();
    if (source.path("provider_version").isNull()) {
      return Optional.of(
          label + " is checked against " + read + ", which does not record its provider version");
    }
    Matcher lowest = LOWEST.matcher(constraint);
    if (!lowest.find()) {
      return Optional.of(label + ": constraint not understood, not compared with the snapshot");
    }
    int[] allowed = parts(lowest.group(1), lowest.group(2), lowest.group(3));
    String version = source.path("provider_version").asText();
    String[] v = version.split("\\.");
    int[] snapshotVersion = parts(v[0], v.length > 1 ? v[1] : null, v.length > 2 ? v[2] : null);
    if (compare(snapshotVersion, allowed) >= 0) {
      return Optional.empty();
    }
    String gap =
        snapshotVersion[0] < allowed[0]
            ? "a newer major than the snapshot's " + version
            : "newer than the snapshot's " + version;
    return Optional.of(
        label
            + " pins "
            + gap
            + " ("
            + read
            + "): arguments that version added fail as unknown, arguments it removed or renamed"
            + " pass unnoticed; only terraform plan with that provider proves them");
  }

  private static int[] parts(String major, String minor, String patch) {
    return new int[] {
      Integer.parseInt(major),
      minor == null ? 0 : Integer.parseInt(minor),
      patch == null ? 0 : Integer.parseInt(patch)
    };
  }

  private static int compare(int[] a, int[] b) {
    for (int i = 0; i < 3; i++) {
      if (a[i] != b[i]) {
        return Integer.compare(a[i], b[i]);
      }
    }
    return 0;
  }
}
