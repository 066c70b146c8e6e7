package io.invoicebridge.freee.answer;

import io.invoicebridge.timing.Deadline;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.client.exceptions.NoHostException;
import io.micronaut.http.client.exceptions.ReadTimeoutException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/** Waits for a freee call no longer than the deadline and classifies how it ended. */
public final class FreeeExchanges {

  private FreeeExchanges() {}

  /**
   * Blocks until {@code call} completes or {@code deadline} passes (the call is then cancelled); an
   * answer is read by {@code reader}, once.
   */
  public static FreeeExchange await(
      CompletableFuture<HttpResponse<String>> call,
      Deadline deadline,
      Function<FreeeAnswer, FreeeReading> reader) {
    long started = System.nanoTime();
    try {
      HttpResponse<String> response =
          call.get(deadline.remaining().toMillis(), TimeUnit.MILLISECONDS);
      return answered(answer(response, since(started)), reader);
    } catch (ExecutionException e) {
      return failed(e.getCause(), since(started), reader);
    } catch (TimeoutException e) {
      call.cancel(true);
      return new FreeeExchange.Lost("no answer from freee before the deadline", since(started));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      call.cancel(true);
      return new FreeeExchange.Lost("interrupted while waiting for freee", since(started));
    }
  }

  static FreeeExchange failed(
      Throwable failure, Duration duration, Function<FreeeAnswer, FreeeReading> reader) {
    if (failure instanceof HttpClientResponseException answered) {
      return answered(answer(answered.getResponse(), duration), reader);
    }
    if (notSent(failure)) {
      return new FreeeExchange.Unreached(
          "could not connect to freee (" + failure.getClass().getSimpleName() + ")", duration);
    }
    if (failure instanceof ReadTimeoutException) {
      return new FreeeExchange.Lost("freee did not answer within the read timeout", duration);
    }
    return new FreeeExchange.Lost(
        "the connection to freee failed after sending (" + failure.getClass().getSimpleName() + ")",
        duration);
  }

  /** Only failures that prove nothing left this machine; anything else may have reached freee. */
  private static boolean notSent(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ConnectException
          || t instanceof UnknownHostException
          || t instanceof NoHostException) {
        return true;
      }
    }
    return false;
  }

  private static FreeeExchange answered(
      FreeeAnswer answer, Function<FreeeAnswer, FreeeReading> reader) {
    return new FreeeExchange.Answered(answer, reader.apply(answer));
  }

  private static FreeeAnswer answer(HttpResponse<?> response, Duration duration) {
    Map<String, String> headers = new HashMap<>();
    response.getHeaders().forEach((name, values) -> headers.put(name, values.getFirst()));
    String body = response.getBody(String.class).orElse("");
    return new FreeeAnswer(response.code(), headers, body, duration);
  }

  private static Duration since(long startedNanos) {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }
}
