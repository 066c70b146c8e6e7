package io.invoicebridge.queued;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.invoicebridge.testing.CallbackReceiver;
import io.invoicebridge.testing.TestTls;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The callback's one request goes to exactly the address that was judged: a name rebound between
 * the check and the connect (DNS rebinding) cannot send it anywhere else.
 */
class CallbackSenderTest {

  private static final byte[] BODY = "{\"id\":\"b-1\"}".getBytes(StandardCharsets.UTF_8);
  private static final String SIGNATURE = "t=1796029200,v1=00ff";
  private static final String HOST = "hooks.invoice-bridge.test";

  private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable each : open) {
      each.close();
    }
  }

  @Test
  void post_nameReboundAfterTheCheck_deliversToTheJudgedAddressResolvingOnce() throws Exception {
    // given: a receiver on 127.0.0.1 only, and a name that answers 127.0.0.2 after its first answer
    CallbackReceiver receiver = track(CallbackReceiver.start());
    AtomicInteger lookups = new AtomicInteger();
    CallbackTargets.Resolver rebinding =
        host ->
            new InetAddress[] {
              InetAddress.getByName(lookups.incrementAndGet() == 1 ? "127.0.0.1" : "127.0.0.2")
            };
    CallbackSender sender = new CallbackSender(new CallbackTargets(Set.of(), true, rebinding));

    // when
    int status = sender.post("http://" + HOST + ":" + receiver.port() + "/hooks", BODY, SIGNATURE);

    // then
    assertEquals(200, status);
    assertEquals(1, lookups.get(), "one resolution per send");
    assertEquals(1, receiver.received().size());
    assertEquals(SIGNATURE, receiver.received().getFirst().signature());
    assertArrayEquals(BODY, receiver.received().getFirst().body());
  }

  @Test
  void post_nameResolvingToAnInternalAddress_isRefusedWithoutConnecting() throws Exception {
    // given: a listener on loopback, and a deployment (loopback not allowed) whose callback name
    // resolves there
    ServerSocket listener = track(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
    CallbackSender sender =
        new CallbackSender(
            new CallbackTargets(Set.of(), false, host -> addresses("8.8.8.8", "127.0.0.1")));

    // when / then
    assertThrows(
        CallbackRefusedException.class,
        () ->
            sender.post("https://" + HOST + ":" + listener.getLocalPort() + "/", BODY, SIGNATURE));
    listener.setSoTimeout(300);
    assertThrows(SocketTimeoutException.class, listener::accept, "nothing connected");
  }

  @Test
  void post_httpsWithTheCertificatesHostName_deliversToThePinnedAddress(@TempDir Path dir)
      throws Exception {
    // given: an HTTPS receiver on 127.0.0.1 whose certificate names only HOST
    TestTls tls = TestTls.forHostName(dir, HOST);
    List<byte[]> received = new CopyOnWriteArrayList<>();
    int port = httpsReceiver(tls, received);
    CallbackSender sender = senderToLoopback(tls);

    // when
    int status = sender.post("https://" + HOST + ":" + port + "/hooks", BODY, SIGNATURE);

    // then
    assertEquals(200, status);
    assertEquals(1, received.size());
    assertArrayEquals(BODY, received.getFirst());
  }

  @Test
  void post_httpsUnderAnotherHostName_failsTheCertificateCheck(@TempDir Path dir) throws Exception {
    // given: the same receiver, reached under a name its certificate does not hold
    TestTls tls = TestTls.forHostName(dir, HOST);
    List<byte[]> received = new CopyOnWriteArrayList<>();
    int port = httpsReceiver(tls, received);
    CallbackSender sender = senderToLoopback(tls);

    // when / then
    assertThrows(
        SSLHandshakeException.class,
        () -> sender.post("https://other.invoice-bridge.test:" + port + "/", BODY, SIGNATURE));
    assertEquals(0, received.size());
  }

  @Test
  void post_redirectAnswer_isReturnedAndNotFollowed() throws Exception {
    // given: a receiver that redirects to another listener
    ServerSocket elsewhere = track(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
    String redirect =
        "HTTP/1.1 307 Temporary Redirect\r\nLocation: http://127.0.0.1:"
            + elsewhere.getLocalPort()
            + "/\r\nContent-Length: 0\r\n\r\n";
    List<String> requests = new CopyOnWriteArrayList<>();
    int port = rawReceiver(redirect.getBytes(StandardCharsets.US_ASCII), requests);
    CallbackSender sender = new CallbackSender(new CallbackTargets(Set.of(), true));

    // when
    int status = sender.post("http://127.0.0.1:" + port + "/hooks?from=bridge", BODY, SIGNATURE);

    // then
    assertEquals(307, status);
    elsewhere.setSoTimeout(300);
    assertThrows(SocketTimeoutException.class, elsewhere::accept, "the redirect was followed");
    String request = requests.getFirst();
    assertTrue(request.startsWith("POST /hooks?from=bridge HTTP/1.1\r\n"), request);
    assertTrue(request.contains("\r\nHost: 127.0.0.1:" + port + "\r\n"), request);
    assertTrue(request.contains("\r\nContent-Length: " + BODY.length + "\r\n"), request);
    assertTrue(request.contains("\r\nConnection: close\r\n"), request);
    assertTrue(request.endsWith("\r\n\r\n" + new String(BODY, StandardCharsets.UTF_8)), request);
  }

  @Test
  void post_answerWithoutAStatusLineInItsFirstKilobyte_fails() throws Exception {
    byte[] endless = "x".repeat(CallbackSender.MAX_RESPONSE_BYTES * 4).getBytes();
    int port = rawReceiver(endless, new CopyOnWriteArrayList<>());
    CallbackSender sender = new CallbackSender(new CallbackTargets(Set.of(), true));

    assertThrows(
        IOException.class, () -> sender.post("http://127.0.0.1:" + port + "/", BODY, SIGNATURE));
  }

  private int httpsReceiver(TestTls tls, List<byte[]> received) throws IOException {
    HttpsServer server =
        HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(tls.serverContext()));
    server.createContext(
        "/",
        exchange -> {
          received.add(exchange.getRequestBody().readAllBytes());
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
    open.add(() -> server.stop(0));
    return server.getAddress().getPort();
  }

  /** Answers one connection with {@code answer} after reading its request (kept as text). */
  private int rawReceiver(byte[] answer, List<String> requests) throws IOException {
    ServerSocket listener = track(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
    Thread.ofVirtual()
        .start(
            () -> {
              try (Socket connection = listener.accept()) {
                requests.add(readRequest(connection.getInputStream()));
                OutputStream out = connection.getOutputStream();
                out.write(answer);
                out.flush();
              } catch (IOException closed) {
                // the test is over
              }
            });
    return listener.getLocalPort();
  }

  private static String readRequest(InputStream in) throws IOException {
    StringBuilder request = new StringBuilder();
    while (!request.toString().endsWith("\r\n\r\n")) {
      request.append((char) in.read());
    }
    String head = request.toString();
    int length = Integer.parseInt(head.replaceAll("(?s).*\r\nContent-Length: (\\d+)\r\n.*", "$1"));
    return head + new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }

  private static InetAddress[] addresses(String... literals) throws UnknownHostException {
    InetAddress[] addresses = new InetAddress[literals.length];
    for (int i = 0; i < literals.length; i++) {
      addresses[i] = InetAddress.getByName(literals[i]);
    }
    return addresses;
  }

  private <T extends AutoCloseable> T track(T closeable) {
    open.add(closeable);
    return closeable;
  }

  /** A sender trusting {@code tls}'s authority, every host name resolving to 127.0.0.1. */
  private static CallbackSender senderToLoopback(TestTls tls) {
    return new CallbackSender(
        new CallbackTargets(Set.of(), true, host -> addresses("127.0.0.1")), tls::clientContext);
  }
}
