package io.invoicebridge.queued;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.config.ConfigurationInvalidException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QueuedBatchSettingsTest {

  @Test
  void nothingSet_localQueueFiveAttemptsCallbacksOff() {
    QueuedBatchSettings settings =
        new QueuedBatchSettings(null, " ", null, null, null, null, null, null, null);

    assertTrue(settings.localQueue());
    assertEquals(5, settings.attempts());
    assertEquals(null, settings.callbackSecret());
    assertEquals(Set.of(), settings.allowedCallbackHosts());
    assertEquals(443, settings.callbackTargetPort());
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "65536", "https", "-443"})
  void callbackPortOutsideThePortRange_isRefusedNamingTheVariable(String value) {
    assertRefusedNaming(
        "BATCH_CALLBACK_PORT",
        () -> new QueuedBatchSettings(null, null, null, null, null, value, null, null, null));
  }

  @Test
  void callbackPort_setByTheOperator_isTheOnlyPortAllowed() {
    assertEquals(
        8443,
        new QueuedBatchSettings(null, null, null, null, null, " 8443 ", null, null, null)
            .callbackTargetPort());
  }

  @Test
  void unknownQueue_isRefusedNamingTheVariable() {
    assertRefusedNaming(
        "BATCH_QUEUE must be one of",
        () -> new QueuedBatchSettings("kafka", null, null, null, null, null, null, null, null));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "many", "-3", "1000"})
  void maxAttemptsNotAWholeNumber_isRefusedNamingTheVariable(String value) {
    assertRefusedNaming(
        "BATCH_MAX_ATTEMPTS",
        () -> new QueuedBatchSettings(null, null, null, value, null, null, null, null, null));
  }

  @Test
  void fourSettingsWrong_allFourReportedInOneLine() {
    ConfigurationInvalidException refused =
        assertThrows(
            ConfigurationInvalidException.class,
            () ->
                new QueuedBatchSettings(
                    "kafka", "short", null, "many", null, "https", null, null, null));

    assertEquals(4, refused.problems().size(), refused::getMessage);
    assertFalse(refused.getMessage().contains("\n"));
    for (String variable :
        new String[] {
          "BATCH_QUEUE", "BATCH_CALLBACK_SECRET", "BATCH_MAX_ATTEMPTS", "BATCH_CALLBACK_PORT"
        }) {
      assertTrue(refused.getMessage().contains(variable), refused::getMessage);
    }
  }

  @ParameterizedTest
  @CsvSource({
    "sqs, 'BATCH_QUEUE=sqs needs BATCH_QUEUE_URL, BATCH_DEAD_LETTER_QUEUE_URL'",
    "azure-queue, 'BATCH_QUEUE=azure-queue needs BATCH_QUEUE_URL, BATCH_DEAD_LETTER_QUEUE_URL'",
    "cloud-tasks, 'BATCH_QUEUE=cloud-tasks needs BATCH_QUEUE_URL, BATCH_DEAD_LETTER_QUEUE_URL,"
        + " BATCH_WORKER_URL'"
  })
  void cloudQueueWithoutItsUrls_isRefusedNamingEachOne(String queue, String problem) {
    ConfigurationInvalidException refused =
        assertThrows(
            ConfigurationInvalidException.class,
            () -> new QueuedBatchSettings(queue, null, null, null, null, null, " ", null, null));

    assertEquals(List.of(problem), refused.problems());
  }

  @Test
  void cloudTasksWithItsThreeUrls_isAccepted() {
    QueuedBatchSettings settings =
        new QueuedBatchSettings(
            "cloud-tasks", null, null, null, null, null, "https://q", "https://dead", "https://w");

    assertEquals("https://w", settings.workerUrl());
  }

  @Test
  void callbackHosts_areTrimmedAndLowerCased() {
    QueuedBatchSettings settings =
        new QueuedBatchSettings(
            "SQS",
            null,
            " Hooks.Example.com ,,api.example.org",
            "3",
            null,
            null,
            " https://sqs.example/queue ",
            "https://sqs.example/dead",
            null);

    assertEquals("sqs", settings.queue());
    assertEquals("https://sqs.example/queue", settings.queueUrl());
    assertEquals(Set.of("hooks.example.com", "api.example.org"), settings.allowedCallbackHosts());
    assertEquals(3, settings.attempts());
  }

  private static void assertRefusedNaming(String words, Executable settings) {
    ConfigurationInvalidException refused =
        assertThrows(ConfigurationInvalidException.class, settings);
    assertTrue(refused.getMessage().contains(words), refused::getMessage);
  }
}
