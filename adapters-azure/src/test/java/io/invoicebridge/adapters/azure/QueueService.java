package io.invoicebridge.adapters.azure;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The Storage queue service's REST operations the Functions host's queue trigger uses (and the
 * stack's queue creation), called with a bearer token as the host calls them with the app's
 * identity.
 */
final class QueueService implements AutoCloseable {

  /** One message as Get Messages returns it; {@code text} is decoded from base64. */
  record Received(String messageId, String popReceipt, int dequeueCount, String text) {}

  private static final String API_VERSION = "2021-12-02";

  private final String accountUrl;
  private final HttpClient http;

  QueueService(String accountUrl, SSLContext trust) {
    this.accountUrl = accountUrl;
    this.http =
        HttpClient.newBuilder().sslContext(trust).connectTimeout(Duration.ofSeconds(5)).build();
  }

  String queueUrl(String queue) {
    return accountUrl + "/" + queue;
  }

  /** Create Queue (201, or 204 when it exists). */
  void create(String queue) {
    send(request(queueUrl(queue)).PUT(HttpRequest.BodyPublishers.noBody()), 201, 204);
  }

  /** Get Messages: up to {@code count}, each invisible to others for {@code visibility}. */
  List<Received> receive(String queue, int count, Duration visibility) {
    String url =
        queueUrl(queue)
            + "/messages?numofmessages="
            + count
            + "&visibilitytimeout="
            + visibility.toSeconds();
    return messages(send(request(url).GET(), 200, 200).body());
  }

  /** Put Message with {@code text} base64-encoded, as the queue trigger reads it. */
  void put(String queue, String text) {
    String body =
        "<QueueMessage><MessageText>"
            + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8))
            + "</MessageText></QueueMessage>";
    send(
        request(queueUrl(queue) + "/messages")
            .header("Content-Type", "application/xml")
            .POST(HttpRequest.BodyPublishers.ofString(body)),
        201,
        201);
  }

  void delete(String queue, Received message) {
    send(request(messageUrl(queue, message)).DELETE(), 204, 204);
  }

  /** Update Message: the message becomes visible again after {@code visibility}. */
  void release(String queue, Received message, Duration visibility) {
    String url = messageUrl(queue, message) + "&visibilitytimeout=" + visibility.toSeconds();
    send(request(url).PUT(HttpRequest.BodyPublishers.noBody()), 204, 204);
  }

  /** Peek Messages: what the queue holds, decoded, without changing it. */
  List<String> peek(String queue) {
    HttpResponse<String> answer =
        send(request(queueUrl(queue) + "/messages?peekonly=true&numofmessages=32").GET(), 200, 200);
    return messages(answer.body()).stream().map(Received::text).toList();
  }

  private String messageUrl(String queue, Received message) {
    return queueUrl(queue)
        + "/messages/"
        + message.messageId()
        + "?popreceipt="
        + URLEncoder.encode(message.popReceipt(), StandardCharsets.UTF_8);
  }

  private static HttpRequest.Builder request(String url) {
    return HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(10))
        .header("Authorization", "Bearer " + ManagedIdentityStandIn.storageToken())
        .header("x-ms-version", API_VERSION)
        .header(
            "x-ms-date",
            DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)));
  }

  /** The request's answer, which must have {@code status} or {@code orStatus}. */
  private HttpResponse<String> send(HttpRequest.Builder request, int status, int orStatus) {
    HttpResponse<String> answer;
    try {
      answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    expect(status, orStatus, answer);
    return answer;
  }

  private static void expect(int status, int orStatus, HttpResponse<String> answer) {
    if (answer.statusCode() != status && answer.statusCode() != orStatus) {
      throw new IllegalStateException(
          answer.request().method()
              + " "
              + answer.uri().getPath()
              + " answered "
              + answer.statusCode()
              + ": "
              + answer.body());
    }
  }

  private static List<Received> messages(String xml) {
    try {
      NodeList found =
          DocumentBuilderFactory.newInstance()
              .newDocumentBuilder()
              .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
              .getElementsByTagName("QueueMessage");
      List<Received> messages = new ArrayList<>();
      for (int i = 0; i < found.getLength(); i++) {
        Element message = (Element) found.item(i);
        messages.add(
            new Received(
                text(message, "MessageId"),
                text(message, "PopReceipt"),
                count(text(message, "DequeueCount")),
                new String(
                    Base64.getDecoder().decode(text(message, "MessageText")),
                    StandardCharsets.UTF_8)));
      }
      return messages;
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new IllegalStateException("not a QueueMessagesList: " + xml, e);
    }
  }

  private static int count(String text) {
    return text.isEmpty() ? 0 : Integer.parseInt(text);
  }

  /** Closes the client's connections (Azurite's shutdown waits for open ones). */
  @Override
  public void close() {
    http.close();
  }

  private static String text(Element parent, String name) {
    NodeList nodes = parent.getElementsByTagName(name);
    return nodes.getLength() == 0 ? "" : nodes.item(0).getTextContent();
  }
}
