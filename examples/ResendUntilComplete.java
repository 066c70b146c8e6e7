import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole client protocol of invoice-bridge: send the same batch until the answer says
 * "complete": true, waiting as long as Retry-After asks in between. Resending never creates a
 * duplicate, because every invoice carries its own idempotency key. The wait can be long: when
 * freee's hourly or daily limit is spent, Retry-After is the time until that window resets (up to
 * the next 00:00Z for the day); resending earlier would only be answered "not attempted" again.
 *
 * <p>Needs only a JDK 21+: java examples/ResendUntilComplete.java URL BATCH_FILE (RUN_TOKEN from
 * the environment), for example java examples/ResendUntilComplete.java http://localhost:8080
 * examples/batch.json
 */
public class ResendUntilComplete {

  private static final int MAX_ROUNDS = 30;
  private static final Pattern COMPLETE = Pattern.compile("\"complete\"\\s*:\\s*(true|false)");
  private static final Pattern SUMMARY = Pattern.compile("\"summary\"\\s*:\\s*(\\{[^}]*\\})");

  public static void main(String[] args) throws Exception {
    if (args.length != 2 || System.getenv("RUN_TOKEN") == null) {
      System.err.println("usage: RUN_TOKEN=... java ResendUntilComplete.java BASE_URL BATCH_FILE");
      System.exit(64);
    }
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(args[0] + "/v1/invoices/batch"))
            .header("Authorization", "Bearer " + System.getenv("RUN_TOKEN"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofFile(Path.of(args[1])))
            .build();
    for (int round = 1; round <= MAX_ROUNDS; round++) {
      HttpResponse<String> response = send(client, request);
      if (response != null && response.statusCode() != 200) {
        System.err.println("refused (HTTP " + response.statusCode() + "): " + response.body());
        System.exit(1);
      }
      if (response != null && isComplete(response.body())) {
        System.out.println("round " + round + ": complete " + summary(response.body()));
        Files.writeString(Path.of("last-response.json"), response.body());
        System.out.println("results written to last-response.json");
        return;
      }
      long waitSeconds = response == null ? 5 : response.headers().firstValueAsLong("Retry-After").orElse(5);
      System.out.println("round " + round + ": incomplete " + (response == null ? "(no answer)" : summary(response.body())) + ", resending in " + waitSeconds + " s, at " + Instant.now().plusSeconds(waitSeconds));
      Thread.sleep(Duration.ofSeconds(waitSeconds));
    }
    System.err.println("still incomplete after " + MAX_ROUNDS + " rounds; it is safe to run again later");
    System.exit(2);
  }

  private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (Exception e) {
      // A lost answer is safe to resend: the bridge knows every key it has seen.
      System.out.println("no answer (" + e.getClass().getSimpleName() + ")");
      return null;
    }
  }

  private static boolean isComplete(String body) {
    Matcher matcher = COMPLETE.matcher(body);
    return matcher.find() && matcher.group(1).equals("true");
  }

  private static String summary(String body) {
    Matcher matcher = SUMMARY.matcher(body);
    return matcher.find() ? matcher.group(1) : "";
  }
}
