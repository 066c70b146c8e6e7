package io.invoicebridge.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed certificate for {@code 127.0.0.1}, made by {@code openssl} for the test Redis's TLS
 * port, and a PKCS12 trust store holding it for the clients that should trust it (a JVM started
 * with {@link #javaOptions()}), so {@code rediss://} is tested with full certificate and host
 * checks, as against Upstash. {@link #forHostName} makes one for a made-up DNS name instead (a
 * callback receiver's), with the {@link SSLContext}s of its server and of a client trusting it.
 */
public record TestTls(Path certificate, Path privateKey, Path trustStore) {

  private static final String TRUST_STORE_PASSWORD = "test-trust-store";

  /** Writes the key, the certificate and the trust store into {@code directory}. */
  static TestTls create(Path directory) {
    return create(directory, "127.0.0.1", "IP:127.0.0.1");
  }

  /** A certificate for the DNS name {@code host} only, written into {@code directory}. */
  public static TestTls forHostName(Path directory, String host) {
    return create(directory, host, "DNS:" + host);
  }

  private static TestTls create(Path directory, String commonName, String subjectAltName) {
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
            "/CN=" + commonName,
            "-addext",
            "subjectAltName=" + subjectAltName,
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

  /** A server's context presenting the certificate (for a JDK {@code HttpsServer}). */
  public SSLContext serverContext() {
    try {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(null, null);
      keys.setKeyEntry("test", key(), new char[0], new Certificate[] {certificateValue()});
      KeyManagerFactory managers =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      managers.init(keys, new char[0]);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(managers.getKeyManagers(), null, null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot build the test server's TLS context", e);
    }
  }

  /** A client's context trusting the certificate and nothing else. */
  public SSLContext clientContext() {
    try {
      KeyStore trusted = KeyStore.getInstance("PKCS12");
      trusted.load(null, null);
      trusted.setCertificateEntry("test", certificateValue());
      TrustManagerFactory managers =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      managers.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, managers.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot build the test client's TLS context", e);
    }
  }

  private Certificate certificateValue() throws IOException, GeneralSecurityException {
    try (InputStream in = Files.newInputStream(certificate)) {
      return CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }

  /** openssl 3 writes the key as unencrypted PKCS#8 PEM. */
  private PrivateKey key() throws IOException, GeneralSecurityException {
    String pem =
        Files.readString(privateKey)
            .replace("-----BEGIN PRIVATE KEY-----", "")
            .replace("-----END PRIVATE KEY-----", "")
            .replaceAll("\\s", "");
    return KeyFactory.getInstance("RSA")
        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
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
