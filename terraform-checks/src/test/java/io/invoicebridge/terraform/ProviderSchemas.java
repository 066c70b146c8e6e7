package io.invoicebridge.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * The snapshot of the providers' schemas (provider-schemas.json, written by {@link #SCRIPT}): per
 * resource and data source type, its arguments, computed-only attributes and nested blocks, and per
 * provider the package and provider version it was read from.
 */
record ProviderSchemas(JsonNode snapshot) {

  static final String SCRIPT = "terraform-checks/schema/extract-schemas.mjs";
  private static final String RESOURCE = "/provider-schemas.json";

  /** Which section of the snapshot, and of a Terraform file, holds a type. */
  record Kind(String keyword, String section) {
    static final Kind RESOURCE = new Kind("resource", "resources");
    static final Kind DATA = new Kind("data", "data_sources");
  }

  static ProviderSchemas load() {
    try (InputStream in = ProviderSchemas.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing: run " + SCRIPT);
      }
      return new ProviderSchemas(new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + RESOURCE, e);
    }
  }

  /** The schema of one type, e.g. {@code schema(Kind.DATA, "aws_iam_policy_document")}. */
  Optional<JsonNode> schema(Kind kind, String type) {
    JsonNode node = snapshot.path(kind.section()).path(type);
    return node.isMissingNode() ? Optional.empty() : Optional.of(node);
  }

  /** Package, package version and provider version ({@code null} if unknown) by provider name. */
  JsonNode providers() {
    return snapshot.path("providers");
  }
}
