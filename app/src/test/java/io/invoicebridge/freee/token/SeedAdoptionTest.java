package io.invoicebridge.freee.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** FREEE_REFRESH_TOKEN only seeds the store; health sees the refresh token's age. */
class SeedAdoptionTest {

  private final TokenTestBed bed = new TokenTestBed();

  @AfterEach
  void stop() {
    bed.close();
  }

  @Test
  void accessToken_newSeedDeployed_adoptedOnceAcrossInstances() {
    // given
    bed.instance().accessToken(bed.deadline());
    String reauthorized = bed.fake.issueRefreshToken();
    // when
    bed.instance(reauthorized).accessToken(bed.deadline());
    bed.instance(reauthorized).accessToken(bed.deadline());
    // then
    assertEquals(
        List.of(SeedToken.sha256Hex(bed.seed), SeedToken.sha256Hex(reauthorized)),
        bed.store.current().adoptedSeedHashes());
    assertEquals(2, bed.fake.refreshCount());
  }

  @Test
  void accessToken_oldSeedStillDeployed_notReadopted() {
    // given
    bed.instance().accessToken(bed.deadline());
    bed.instance(bed.fake.issueRefreshToken()).accessToken(bed.deadline());
    TokenRecord afterRedeploy = bed.store.current();
    // when
    String token = bed.instance(bed.seed).accessToken(bed.deadline());
    // then
    assertEquals(afterRedeploy.accessToken(), token);
    assertEquals(afterRedeploy, bed.store.current());
    assertEquals(2, bed.fake.refreshCount());
    assertEquals(0, bed.fake.invalidGrantCount());
  }

  @Test
  void status_refreshTokenFromDay80_renewalDue() {
    // when
    TokenStatus status = statusWithARefreshTokenIssuedDaysAgo(81);
    // then
    assertTrue(status.seeded());
    assertTrue(status.renewalDue());
    assertEquals(9, status.refreshTokenDaysLeft());
    assertTrue(status.shared());
  }

  @Test
  void status_youngRefreshToken_noRenewalDue() {
    // when
    TokenStatus status = statusWithARefreshTokenIssuedDaysAgo(79);
    // then
    assertFalse(status.renewalDue());
    assertEquals(11, status.refreshTokenDaysLeft());
  }

  private TokenStatus statusWithARefreshTokenIssuedDaysAgo(int days) {
    Instant issued = bed.clock.instant().minus(Duration.ofDays(days));
    bed.store.put(new TokenRecord(null, null, "rt", issued, List.of("h"), null));
    return bed.instance().status();
  }
}
