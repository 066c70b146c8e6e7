package io.invoicebridge.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When a version constraint reaches past the provider versions the schema snapshot holds. */
class ProviderVersionNoticeTest {

  private static final ProviderSchemas SCHEMAS = ProviderSchemas.load();

  @Test
  void versionNotice_constraintOnANewerMajor_namesBothVersions() {
    // when
    Optional<String> notice = ProviderVersionNotice.of("google", "~> 7.0", SCHEMAS.providers());

    // then
    assertTrue(notice.isPresent(), "google ~> 7.0 against a 6.x snapshot must be reported");
    assertTrue(notice.get().contains("newer major than the snapshot's 6."), notice.get());
  }

  @Test
  void versionNotice_constraintTheSnapshotSatisfies_isEmpty() {
    // when
    Optional<String> notice = ProviderVersionNotice.of("aws", "~> 6.28", SCHEMAS.providers());

    // then
    assertEquals(Optional.empty(), notice);
  }

  @Test
  void versionNotice_snapshotWithoutProviderVersion_saysSo() throws Exception {
    // given
    JsonNode providers =
        new ObjectMapper()
            .readTree(
                "{\"upstash\":{\"package\":\"@upstash/pulumi\",\"package_version\":\"0.5.0\",\"provider_version\":null}}");

    // when
    Optional<String> notice = ProviderVersionNotice.of("upstash", "~> 2.0", providers);

    // then
    assertEquals(
        Optional.of(
            "upstash \"~> 2.0\" is checked against @upstash/pulumi 0.5.0, which does not record its"
                + " provider version"),
        notice);
  }
}
