package io.invoicebridge.terraform;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TerraformFormatTest {

  @Test
  void terraformSources_areFormatted() {
    // given
    assumeTrue(
        ExternalCommand.onPath("terraform"),
        "terraform is not on PATH: skipping terraform fmt -check");

    // when
    ExternalCommand.Result fmt =
        ExternalCommand.run(
            RepositoryLayout.root(),
            Duration.ofMinutes(1),
            Map.of(),
            List.of("terraform", "fmt", "-check", "-recursive", "-diff", "terraform"));

    // then
    assertTrue(
        fmt.succeeded(),
        "terraform fmt -check found unformatted files; run terraform fmt -recursive terraform:\n"
            + fmt.output());
  }
}
