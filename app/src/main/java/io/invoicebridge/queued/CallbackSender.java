package io.invoicebridge.queued;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * POSTs one callback over a connection to exactly the address {@link CallbackTargets} judged: an
 * HTTP client would resolve the name again when it connects, and a name rebound in between (DNS
 * rebinding) would take the request inside. HTTPS still verifies the certificate against the URL's
 * host name. HTTP/1.1 with {@code Connection: close}; redirects are not followed (the 3xx status is
 * returned); only the status line is read, within {@link #MAX_RESPONSE_BYTES}.
 */
final class CallbackSender {

  static final int MAX_RESPONSE_BYTES = 1024;
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

  /** The longest a send holds its connection, however slowly the receiver reads or answers. */
  static final Duration SEND_LIMIT = Duration.ofSeconds(20);

  private final CallbackTargets targets;
  private final Supplier<SSLContext> tls;

  CallbackSender(CallbackTargets targets) {
    this(targets, CallbackSender::systemTls);
  }

  /** With the TLS context of a test's own certificate authority. */
  CallbackSender(CallbackTargets targets, Supplier<SSLContext> tls) {
    this.targets = targets;
    this.tls = tls;
  }

  /**
   * Checks {@code url} (resolving its host once) and POSTs {@code body} to the judged address.
   *
   * @return the answer's HTTP status
   * @throws CallbackRefusedException when the target must not be called (nothing is connected)
   * @throws IOException when the exchange fails or the answer has no status line
   */
  int post(String url, byte[] body, String signature) throws IOException {
    CallbackTargets.Target target = targets.check(url);
    URI uri = URI.create(target.uri().toASCIIString());
    boolean https = "https".equalsIgnoreCase(uri.getScheme());
    int port = uri.getPort() != -1 ? uri.getPort() : https ? 443 : 80;
    Socket socket = new Socket();
    Thread limit = Thread.ofVirtual().start(() -> closeAfter(socket, SEND_LIMIT));
    try (socket) {
      socket.connect(
          new InetSocketAddress(target.address(), port), (int) CONNECT_TIMEOUT.toMillis());
      socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
      Socket channel = https ? secured(socket, uri.getHost(), port) : socket;
      OutputStream out = channel.getOutputStream();
      out.write(head(uri, port, https, body.length, signature));
      out.write(body);
      out.flush();
      return status(new BufferedInputStream(channel.getInputStream(), MAX_RESPONSE_BYTES));
    } finally {
      limit.interrupt();
    }
  }

  private SSLSocket secured(Socket socket, String host, int port) throws IOException {
    String name = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    SSLSocket secured =
        (SSLSocket) tls.get().getSocketFactory().createSocket(socket, name, port, true);
    SSLParameters parameters = secured.getSSLParameters();
    if (!literal(name)) {
      parameters.setServerNames(List.of(new SNIHostName(name)));
    }
    parameters.setEndpointIdentificationAlgorithm("HTTPS");
    secured.setSSLParameters(parameters);
    secured.startHandshake();
    return secured;
  }

  private static byte[] head(URI uri, int port, boolean https, int length, String signature) {
    String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    String target = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    boolean defaultPort = port == (https ? 443 : 80);
    String host = defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
    String head =
        "POST "
            + target
            + " HTTP/1.1\r\nHost: "
            + host
            + "\r\nContent-Type: application/json\r\nContent-Length: "
            + length
            + "\r\n"
            + CallbackSignature.HEADER
            + ": "
            + signature
            + "\r\nConnection: close\r\n\r\n";
    return head.getBytes(StandardCharsets.US_ASCII);
  }

  /** The status code of an {@code HTTP/1.x NNN ...} line. */
  private static int status(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int read = in.read(); read != '\n'; read = in.read()) {
      if (read == -1 || line.size() >= MAX_RESPONSE_BYTES) {
        throw new IOException("the answer has no HTTP status line");
      }
      line.write(read);
    }
    String text = line.toString(StandardCharsets.US_ASCII);
    if (!text.matches("HTTP/1\\.[01] \\d{3}( .*)?\r?")) {
      throw new IOException("the answer has no HTTP status line");
    }
    return Integer.parseInt(text.substring(9, 12));
  }

  private static boolean literal(String host) {
    return host.contains(":") || host.matches("[0-9.]+");
  }

  /** Closing the socket ends a connect, read or write in progress with an IOException. */
  private static void closeAfter(Socket socket, Duration limit) {
    try {
      Thread.sleep(limit);
      socket.close();
    } catch (InterruptedException | IOException done) {
      // the send ended first, or the socket is closed already
    }
  }

  private static SSLContext systemTls() {
    try {
      return SSLContext.getDefault();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has a default TLS context", e);
    }
  }
}
