package io.invoicebridge.queued;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.config.ConfigurationInvalidException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueuedBatchSettingsTest {

  @Test
  void nothingSet_localQueueFiveAttemptsCallbacksOff() {
    QueuedBatchSettings settings = new QueuedBatchSettings(null, " ", null, null, null, null);

    assertTrue(settings.localQueue());
    assertEquals(5, settings.attempts());
    assertEquals(null, settings.callbackSecret());
    assertEquals(Set.of(), settings.allowedCallbackHosts());
    assertEquals(443, settings.callbackTargetPort());
  }

  @Test
  void callbackPortOutsideThePortRange_isRefusedNamingTheVariable() {
    for (String value : new String[] {"0", "65536", "https", "-443"}) {
      ConfigurationInvalidException refused =
          assertThrows(
              ConfigurationInvalidException.class,
              () -> new QueuedBatchSettings(null, null, null, null, null, value));

      assertTrue(refused.getMessage().contains("BATCH_CALLBACK_PORT"), refused::getMessage);
    }
  }

  @Test
  void callbackPort_setByTheOperator_isTheOnlyPortAllowed() {
    assertEquals(
        8443, new QueuedBatchSettings(null, null, null, null, null, " 8443 ").callbackTargetPort());
  }

  @Test
  void unknownQueue_isRefusedNamingTheVariable() {
    ConfigurationInvalidException refused =
        assertThrows(
            ConfigurationInvalidException.class,
            () -> new QueuedBatchSettings("kafka", null, null, null, null, null));

    assertTrue(refused.getMessage().contains("BATCH_QUEUE must be one of"), refused::getMessage);
  }

  @Test
  void maxAttemptsNotAWholeNumber_isRefusedNamingTheVariable() {
    for (String value : new String[] {"0", "many", "-3", "1000"}) {
      ConfigurationInvalidException refused =
          assertThrows(
              ConfigurationInvalidException.class,
              () -> new QueuedBatchSettings(null, null, null, value, null, null));

      assertTrue(refused.getMessage().contains("BATCH_MAX_ATTEMPTS"), refused::getMessage);
    }
  }

  @Test
  void fourSettingsWrong_allFourReportedInOneLine() {
    ConfigurationInvalidException refused =
        assertThrows(
            ConfigurationInvalidException.class,
            () -> new QueuedBatchSettings("kafka", "short", null, "many", null, "https"));

    assertEquals(4, refused.problems().size(), refused::getMessage);
    assertFalse(refused.getMessage().contains("\n"));
    for (String variable :
        new String[] {
          "BATCH_QUEUE", "BATCH_CALLBACK_SECRET", "BATCH_MAX_ATTEMPTS", "BATCH_CALLBACK_PORT"
        }) {
      assertTrue(refused.getMessage().contains(variable), refused::getMessage);
    }
  }

  @Test
  void callbackHosts_areTrimmedAndLowerCased() {
    QueuedBatchSettings settings =
        new QueuedBatchSettings(
            "SQS", null, " Hooks.Example.com ,,api.example.org", "3", null, null);

    assertEquals("sqs", settings.queue());
    assertEquals(Set.of("hooks.example.com", "api.example.org"), settings.allowedCallbackHosts());
    assertEquals(3, settings.attempts());
  }
}
