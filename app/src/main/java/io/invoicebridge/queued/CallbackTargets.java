package io.invoicebridge.queued;

import io.invoicebridge.config.Redacted;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

/**
 * Where a callback may go. A callback is a request made on a caller's behalf, so it must not reach
 * inside: HTTPS only, on port 443 (or the operator's {@code BATCH_CALLBACK_PORT}), to addresses
 * that reach only the public internet ({@link PublicAddresses}: never loopback, private,
 * link-local, carrier-grade NAT, unique-local or cloud metadata, nor an IPv6 form that carries such
 * an IPv4 address), judged on every address the name resolves to, and only to the operator's hosts
 * when {@code BATCH_CALLBACK_HOSTS} lists some. The name is resolved once per check, and a send
 * connects to the address that was judged ({@link Target#address()}), never to a fresh resolution
 * that may have been rebound inside.
 */
public final class CallbackTargets {

  /** Every address a host name resolves to; the system's resolver outside tests. */
  @FunctionalInterface
  interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  /** A checked callback URL and the judged address to connect to for it. */
  public record Target(URI uri, InetAddress address) {

    /** Without the URL's path and query: they may carry the receiver's secrets. */
    @Override
    public String toString() {
      return "Target[uri=" + Redacted.origin(uri) + ", address=" + address + "]";
    }
  }

  /** HTTPS's own port, the only one callbacks go to unless the operator names another. */
  public static final int HTTPS_PORT = 443;

  private final Set<String> allowedHosts;
  private final int port;
  private final boolean allowLoopback;
  private final Resolver resolver;

  /**
   * @param port the one port callbacks may go to ({@code BATCH_CALLBACK_PORT}, 443 by default)
   * @param allowLoopback tests only: plain HTTP to a loopback address on any port
   */
  public CallbackTargets(Set<String> allowedHosts, int port, boolean allowLoopback) {
    this(allowedHosts, port, allowLoopback, InetAddress::getAllByName);
  }

  /** On port 443. */
  public CallbackTargets(Set<String> allowedHosts, boolean allowLoopback) {
    this(allowedHosts, HTTPS_PORT, allowLoopback);
  }

  CallbackTargets(Set<String> allowedHosts, boolean allowLoopback, Resolver resolver) {
    this(allowedHosts, HTTPS_PORT, allowLoopback, resolver);
  }

  CallbackTargets(Set<String> allowedHosts, int port, boolean allowLoopback, Resolver resolver) {
    this.allowedHosts = Set.copyOf(allowedHosts);
    this.port = port;
    this.allowLoopback = allowLoopback;
    this.resolver = resolver;
  }

  /**
   * Checks the URL's form and host (at submit time and again before each send), resolving the host
   * once.
   *
   * @throws CallbackRefusedException saying why
   */
  public Target check(String url) {
    URI uri = parse(url);
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    if (!allowedHosts.isEmpty() && !allowedHosts.contains(host)) {
      throw new CallbackRefusedException("the host is not in BATCH_CALLBACK_HOSTS");
    }
    InetAddress[] addresses = resolve(host);
    boolean loopbackOnly = judge(addresses);
    boolean testReceiver = allowLoopback && loopbackOnly;
    if (!"https".equalsIgnoreCase(uri.getScheme()) && !testReceiver) {
      throw new CallbackRefusedException("must be an https URL");
    }
    int targetPort = uri.getPort() < 0 ? HTTPS_PORT : uri.getPort();
    if (targetPort != port && !testReceiver) {
      throw new CallbackRefusedException(
          "must use port " + port + (port == HTTPS_PORT ? "" : " (BATCH_CALLBACK_PORT)"));
    }
    return new Target(uri, addresses[0]);
  }

  private static URI parse(String url) {
    try {
      URI uri = new URI(url);
      if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getScheme() == null) {
        throw new CallbackRefusedException("must be an absolute https URL without user info");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new CallbackRefusedException("is not a URL");
    }
  }

  private InetAddress[] resolve(String host) {
    try {
      InetAddress[] addresses = resolver.resolve(host);
      if (addresses.length == 0) {
        throw new CallbackRefusedException("the host does not resolve");
      }
      return addresses;
    } catch (UnknownHostException e) {
      throw new CallbackRefusedException("the host does not resolve");
    }
  }

  /** Refuses any internal address; answers whether every address is loopback. */
  private boolean judge(InetAddress[] addresses) {
    boolean loopbackOnly = true;
    for (InetAddress address : addresses) {
      boolean loopback = address.isLoopbackAddress();
      loopbackOnly &= loopback;
      if (loopback ? !allowLoopback : !PublicAddresses.reachesOnlyThePublicInternet(address)) {
        throw new CallbackRefusedException("resolves to an internal address");
      }
    }
    return loopbackOnly;
  }
}
