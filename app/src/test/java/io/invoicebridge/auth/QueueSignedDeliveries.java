package io.invoicebridge.auth;

import io.invoicebridge.queued.BatchQueue;
import io.invoicebridge.queued.QueuedBatchMessage;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Test beans of {@link PushDeliveryAuthenticationTest}: a push queue whose deliveries carry {@link
 * #SIGNED} (the queue's own token, as Cloud Tasks' OIDC token is in production), and a queue that
 * keeps nothing.
 */
final class QueueSignedDeliveries {

  static final String SPEC = "PushDeliveryAuthenticationTest";
  static final String SIGNED = "queue-signed-token";
  static final String UNVERIFIABLE = "token-whose-keys-cannot-be-read";

  private QueueSignedDeliveries() {}

  @Singleton
  @Requires(property = "spec.name", value = SPEC)
  static class Verifier implements PushDeliveryVerifier {

    @Override
    public boolean guards(String path) {
      return path.equals("/v1/batches/work");
    }

    @Override
    public Optional<String> refusal(@Nullable String bearerToken) {
      if (UNVERIFIABLE.equals(bearerToken)) {
        throw new PushDeliveryUnverifiableException("the test's keys are unreachable", null);
      }
      return SIGNED.equals(bearerToken)
          ? Optional.empty()
          : Optional.of("not signed by the test queue");
    }
  }

  @Singleton
  @Requires(property = "spec.name", value = SPEC)
  static class NoQueue implements BatchQueue {

    @Override
    public void send(List<QueuedBatchMessage> messages) {}

    @Override
    public void sendLater(QueuedBatchMessage message, Duration delay) {}

    @Override
    public void deadLetter(QueuedBatchMessage message, String reason) {}
  }
}
