package io.invoicebridge.adapters.gcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.auth.PushDeliveryUnverifiableException;
import io.invoicebridge.queued.QueuedBatchSettings;
import io.invoicebridge.testing.MutableClock;
import io.micronaut.json.JsonMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The OIDC tokens of Cloud Tasks' deliveries, checked against a stand-in of Google's signing keys
 * and metadata server: only an RS256 token Google signed for this worker and the tasks' service
 * account, within its times, is accepted.
 */
class GoogleIdTokenVerifierTest {

  private static final String WORKER =
      "https://asia-northeast1-demo-project.cloudfunctions.net/invoice-bridge/v1/batches/work";
  private static final String QUEUE =
      "https://cloudtasks.googleapis.com/v2/projects/demo-project/locations/asia-northeast1/queues/batches";
  private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

  private final CloudTasksStandIn google = CloudTasksStandIn.start();
  private final MutableClock clock = new MutableClock(NOW);
  private final JsonMapper json = JsonMapper.createDefault();
  private final GoogleIdTokenVerifier verifier =
      new GoogleIdTokenVerifier(
          new QueuedBatchSettings(
              "cloud-tasks", null, null, null, null, null, QUEUE, QUEUE + "-dead", WORKER),
          new GoogleSigningKeys(google.certsUrl(), json, clock),
          new GoogleServiceAccount(new MetadataServer(google.metadataHost())),
          json,
          clock);

  @AfterEach
  void stop() {
    google.close();
  }

  @Test
  void refusal_tokenGoogleSignedForThisWorkerAndAccount_isEmpty() {
    // given
    String token = google.signer().token(WORKER, CloudTasksStandIn.SERVICE_ACCOUNT, NOW);

    // when
    Optional<String> refusal = verifier.refusal(token);

    // then
    assertEquals(Optional.empty(), refusal);
  }

  @Test
  void refusal_issuerWithoutScheme_isEmpty() {
    // given: Google documents both spellings of its issuer
    String token = signed(claimsWith("iss", "accounts.google.com"));

    // then
    assertEquals(Optional.empty(), verifier.refusal(token));
  }

  @Test
  void refusal_tokenForAnotherAudience_refused() {
    assertRefused(
        signed(claimsWith("aud", "https://elsewhere.example.com/v1/batches/work")), "audience");
  }

  @Test
  void refusal_tokenOfAnotherIssuer_refused() {
    assertRefused(signed(claimsWith("iss", "https://issuer.example.com")), "issuer");
  }

  @Test
  void refusal_tokenOfAnotherServiceAccount_refused() {
    assertRefused(
        signed(claimsWith("email", "someone-else@demo-project.iam.gserviceaccount.com")),
        "service account");
  }

  @Test
  void refusal_emailNotVerifiedOrNotSaid_refused() {
    Map<String, Object> unverified = claimsWith("email_verified", false);
    Map<String, Object> unsaid = claims();
    unsaid.remove("email_verified");
    Map<String, Object> asText = claimsWith("email_verified", "false");

    assertRefused(signed(unverified), "verified");
    assertRefused(signed(unsaid), "verified");
    assertRefused(signed(asText), "verified");
  }

  @Test
  void refusal_expiredBeyondTheClockSkew_refused() {
    // given: issued an hour and two minutes ago, so expired two minutes ago
    Map<String, Object> claims = claimsIssuedAt(NOW.minus(Duration.ofMinutes(62)));

    assertRefused(signed(claims), "expired");
  }

  @Test
  void refusal_expiredWithinTheClockSkew_isEmpty() {
    // given: expired 30 s ago, within the one-minute skew allowed between clocks
    Map<String, Object> claims = claimsIssuedAt(NOW.minus(Duration.ofSeconds(3630)));

    assertEquals(Optional.empty(), verifier.refusal(signed(claims)));
  }

  @Test
  void refusal_issuedOrValidOnlyInTheFuture_refused() {
    Map<String, Object> future = claimsIssuedAt(NOW.plus(Duration.ofMinutes(5)));
    Map<String, Object> notBefore =
        claimsWith("nbf", NOW.plus(Duration.ofMinutes(5)).getEpochSecond());
    Map<String, Object> timeless = claims();
    timeless.remove("exp");

    assertRefused(signed(future), "future");
    assertRefused(signed(notBefore), "not valid yet");
    assertRefused(signed(timeless), "exp");
  }

  @Test
  void refusal_signedWithAnotherKeyUnderGooglesKeyId_refused() {
    // given: a forger's key, claiming Google's key id
    GoogleIdTokens forger = GoogleIdTokens.generate(google.signer().kid());
    String token = forger.token(WORKER, CloudTasksStandIn.SERVICE_ACCOUNT, NOW);

    assertRefused(token, "signature");
  }

  @Test
  void refusal_alteredClaims_refused() {
    // given: Google's token for another worker, its claims swapped for this worker's
    String theirs = google.signer().token("https://other.example.com", "x@y.z", NOW);
    String ours = google.signer().token(WORKER, CloudTasksStandIn.SERVICE_ACCOUNT, NOW);
    String[] t = theirs.split("\\.");
    String[] o = ours.split("\\.");

    assertRefused(t[0] + "." + o[1] + "." + t[2], "signature");
  }

  @Test
  void refusal_keyIdGoogleDoesNotPublish_refused() {
    GoogleIdTokens unknown = GoogleIdTokens.generate("not-published");

    assertRefused(unknown.token(WORKER, CloudTasksStandIn.SERVICE_ACCOUNT, NOW), "key");
  }

  @Test
  void refusal_algNoneOrHs256_refused() {
    String kid = google.signer().kid();
    String none = GoogleIdTokens.unsigned(GoogleIdTokens.header("none", kid), claims());
    String hs256 =
        google.signer().hmacWithThePublicKey(GoogleIdTokens.header("HS256", kid), claims());

    assertRefused(none, "RS256");
    assertRefused(hs256, "RS256");
  }

  @Test
  void refusal_missingMalformedOrOversizedToken_refused() {
    assertTrue(verifier.refusal(null).isPresent());
    assertRefused("", "no bearer token");
    assertRefused("not-a-jwt", "JWT");
    assertRefused("a.b.c.d", "JWT");
    assertRefused("%%%.@@@.***", "JWT");
    assertRefused("x".repeat(20_000), "too long");
  }

  @Test
  void refusal_whenGooglesKeysCannotBeRead_throwsUnverifiable() {
    // given
    String token = google.signer().token(WORKER, CloudTasksStandIn.SERVICE_ACCOUNT, NOW);
    google.close();

    // then
    assertThrows(PushDeliveryUnverifiableException.class, () -> verifier.refusal(token));
  }

  @Test
  void guards_theWorkPathOnly() {
    assertTrue(verifier.guards("/v1/batches/work"));
    assertFalse(verifier.guards("/v1/batches"));
    assertFalse(verifier.guards("/v1/invoices/batch"));
  }

  private Map<String, Object> claims() {
    return claimsIssuedAt(NOW);
  }

  /** This worker's and account's claims, issued at {@code issued} and valid for an hour. */
  private static Map<String, Object> claimsIssuedAt(Instant issued) {
    return GoogleIdTokens.claims(WORKER, CloudTasksStandIn.SERVICE_ACCOUNT, issued);
  }

  private Map<String, Object> claimsWith(String name, Object value) {
    Map<String, Object> claims = claims();
    claims.put(name, value);
    return claims;
  }

  private String signed(Map<String, Object> claims) {
    return google.signer().sign(GoogleIdTokens.header("RS256", google.signer().kid()), claims);
  }

  private void assertRefused(String token, String because) {
    Optional<String> refusal = verifier.refusal(token);
    assertTrue(refusal.isPresent(), "accepted: " + because);
    assertTrue(refusal.get().contains(because), refusal.get() + " should say " + because);
    assertFalse(token.length() > 8 && refusal.get().contains(token), "the reason quotes the token");
  }
}
