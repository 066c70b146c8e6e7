package io.invoicebridge.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for {@code 127.0.0.1}, made by {@code openssl} for the test Redis's TLS
 * port, and a PKCS12 trust store holding it for the clients that should trust it (a JVM started
 * with {@link #javaOptions()}), so {@code rediss://} is tested with full certificate and host
 * checks, as against Upstash.
 */
public record TestTls(Path certificate, Path privateKey, Path trustStore) {

  private static final String TRUST_STORE_PASSWORD = "test-trust-store";

  /** Writes the key, the certificate and the trust store into {@code directory}. */
  static TestTls create(Path directory) {
    TestTls tls =
        new TestTls(
            directory.resolve("redis.crt"),
            directory.resolve("redis.key"),
            directory.resolve("trust.p12"));
    run(
        List.of(
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-keyout",
            tls.privateKey().toString(),
            "-out",
            tls.certificate().toString()));
    run(
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
            "-importcert",
            "-noprompt",
            "-alias",
            "test-redis",
            "-file",
            tls.certificate().toString(),
            "-keystore",
            tls.trustStore().toString(),
            "-storetype",
            "PKCS12",
            "-storepass",
            TRUST_STORE_PASSWORD));
    return tls;
  }

  /** JVM options that make a client trust the certificate (e.g. in {@code JAVA_TOOL_OPTIONS}). */
  public String javaOptions() {
    return "-Djavax.net.ssl.trustStore="
        + trustStore
        + " -Djavax.net.ssl.trustStoreType=PKCS12 -Djavax.net.ssl.trustStorePassword="
        + TRUST_STORE_PASSWORD;
  }

  private static void run(List<String> command) {
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException(command.getFirst() + " failed: " + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + command.getFirst(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
