package io.invoicebridge.adapters.gcp;

import io.invoicebridge.queued.QueuedBatchStoreUnavailableException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Cloud Tasks' REST {@code createTask}, called with the function's own access token. */
@Singleton
@Requires(property = "bridge.batches.queue", value = "cloud-tasks")
class CloudTasksApi {

  private final GoogleAccessTokens tokens;
  private final JsonMapper json;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  CloudTasksApi(GoogleAccessTokens tokens, JsonMapper json) {
    this.tokens = tokens;
    this.json = json;
  }

  /**
   * Creates {@code task} (the REST API's Task object) in the queue whose REST URL is {@code
   * queueUrl}.
   *
   * @return false when the task names itself and a task of that name exists already (409)
   * @throws QueuedBatchStoreUnavailableException when Cloud Tasks cannot be reached or refuses
   */
  boolean createTask(String queueUrl, Map<String, Object> task) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(queueUrl + "/tasks"))
              .timeout(Duration.ofSeconds(10))
              .header("Authorization", "Bearer " + tokens.token())
              .header("Content-Type", "application/json")
              .POST(
                  HttpRequest.BodyPublishers.ofByteArray(
                      json.writeValueAsBytes(Map.of("task", task))))
              .build();
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200 && response.statusCode() != 409) {
        throw new QueuedBatchStoreUnavailableException(
            "cloud tasks create", "HTTP " + response.statusCode(), null);
      }
      return response.statusCode() == 200;
    } catch (IOException e) {
      throw new QueuedBatchStoreUnavailableException("cloud tasks create", e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QueuedBatchStoreUnavailableException("cloud tasks create", "interrupted", e);
    }
  }
}
