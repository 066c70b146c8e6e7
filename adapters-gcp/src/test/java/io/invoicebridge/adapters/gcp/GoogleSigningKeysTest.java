package io.invoicebridge.adapters.gcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.auth.PushDeliveryUnverifiableException;
import io.invoicebridge.testing.MutableClock;
import io.micronaut.json.JsonMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Google's signing keys: cached as Google's Cache-Control says, read again on a key id miss. */
class GoogleSigningKeysTest {

  private final CloudTasksStandIn google = CloudTasksStandIn.start();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
  private final GoogleSigningKeys keys =
      new GoogleSigningKeys(google.certsUrl(), JsonMapper.createDefault(), clock);

  @AfterEach
  void stop() {
    google.close();
  }

  @Test
  void key_heldAndFresh_isNotReadAgain() {
    // when
    keys.key(google.signer().kid());
    clock.advance(Duration.ofHours(5));
    boolean held = keys.key(google.signer().kid()).isPresent();

    // then
    assertTrue(held);
    assertEquals(1, google.certsReads());
  }

  @Test
  void key_afterTheMaxAgeGoogleGave_isReadAgain() {
    // given
    google.certsMaxAgeSeconds(60);
    keys.key(google.signer().kid());

    // when
    clock.advance(Duration.ofSeconds(61));
    keys.key(google.signer().kid());

    // then
    assertEquals(2, google.certsReads());
  }

  @Test
  void key_rotatedInByGoogle_isFoundByReadingAgainOnTheMiss() {
    // given
    keys.key(google.signer().kid());
    GoogleIdTokens rotated = GoogleIdTokens.generate("stand-in-key-2");
    google.publish(List.of(google.signer(), rotated));
    clock.advance(GoogleSigningKeys.MISS_REREAD_INTERVAL);

    // when
    boolean found = keys.key(rotated.kid()).isPresent();

    // then
    assertTrue(found);
    assertEquals(2, google.certsReads());
  }

  @Test
  void key_unknownIdsInQuickSuccession_readGoogleOnlyOnce() {
    // when: a caller makes up key ids
    keys.key(google.signer().kid());
    for (int i = 0; i < 20; i++) {
      assertTrue(keys.key("made-up-" + i).isEmpty());
    }

    // then
    assertEquals(1, google.certsReads());
  }

  @Test
  void key_googleUnreachableWithNoKeyHeld_throwsUnverifiable() {
    // given
    google.close();

    // then
    assertThrows(PushDeliveryUnverifiableException.class, () -> keys.key("stand-in-key-1"));
  }

  @Test
  void key_googleUnreachableAfterTheMaxAge_keepsTheKeysHeld() {
    // given
    google.certsMaxAgeSeconds(60);
    keys.key(google.signer().kid());
    google.close();

    // when
    clock.advance(Duration.ofMinutes(5));

    // then
    assertTrue(keys.key(google.signer().kid()).isPresent());
  }
}
