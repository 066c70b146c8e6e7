package io.invoicebridge.adapters.gcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.conformance.JdkHttpTarget;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Jetty, which serves the function under the invoker, drops a kept-alive connection without saying
 * so when an answer goes out before the request's body has arrived; a client that sends its next
 * request on that connection gets no answer at all. Answers given without reading the body must
 * therefore say {@code Connection: close}. Raw sockets, because the JDK client hides the header.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvokerConnectionIT {

  private static final String RUN_TOKEN = "connection-run-token-0123456789abcdef";

  private JdkHttpTarget target;

  @BeforeAll
  void start() {
    target =
        InvokerTarget.startWithEnvironment(
            Map.of("RUN_TOKEN", RUN_TOKEN, "FREEE_DRY_RUN", "true"),
            InvokerTarget.logFile("connection"));
  }

  @AfterAll
  void stop() {
    target.close();
  }

  @Test
  void unauthorizedPost_bodyNotYetSent_answerSaysConnectionClose() throws IOException {
    String head = answerBeforeBody("POST /v1/invoices/batch", "");

    assertTrue(head.startsWith("HTTP/1.1 401"), head);
    assertTrue(closes(head), head);
  }

  @Test
  void unknownPathPost_bodyNotYetSent_answerSaysConnectionClose() throws IOException {
    String head = answerBeforeBody("POST /stop", "Authorization: Bearer " + RUN_TOKEN + "\r\n");

    assertTrue(head.startsWith("HTTP/1.1 404"), head);
    assertTrue(closes(head), head);
  }

  @Test
  void healthGet_keepsTheConnection() throws IOException {
    try (Socket socket = new Socket("localhost", target.base().getPort())) {
      send(socket, "GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n");
      String head = readHead(socket.getInputStream());

      assertEquals("HTTP/1.1 200 OK", head.lines().findFirst().orElse(""), head);
      assertFalse(closes(head), head);
    }
  }

  /** Sends a request's head announcing a two-byte JSON body, and reads the answer's head. */
  private String answerBeforeBody(String requestLine, String extraHeaders) throws IOException {
    try (Socket socket = new Socket("localhost", target.base().getPort())) {
      send(
          socket,
          requestLine
              + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
              + "Content-Length: 2\r\n"
              + extraHeaders
              + "\r\n");
      return readHead(socket.getInputStream());
    }
  }

  private static void send(Socket socket, String text) throws IOException {
    socket.setSoTimeout(30_000);
    OutputStream out = socket.getOutputStream();
    out.write(text.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  private static String readHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    int next;
    while ((next = in.read()) != -1) {
      head.append((char) next);
      if (head.toString().endsWith("\r\n\r\n")) {
        break;
      }
    }
    return head.toString();
  }

  private static boolean closes(String head) {
    return head.lines().anyMatch(line -> line.equalsIgnoreCase("Connection: close"));
  }
}
