package io.invoicebridge.batch;

import io.invoicebridge.config.Redacted;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

/**
 * Where a callback may go. A callback is a request made on a caller's behalf, so it must not reach
 * inside: HTTPS only, to a public address (never loopback, private, link-local, carrier-grade NAT,
 * unique-local or cloud metadata), judged on every address the name resolves to, and only to the
 * operator's hosts when {@code BATCH_CALLBACK_HOSTS} lists some. The name is resolved once per
 * check, and a send connects to the address that was judged ({@link Target#address()}), never to a
 * fresh resolution that may have been rebound inside.
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

  private final Set<String> allowedHosts;
  private final boolean allowLoopback;
  private final Resolver resolver;

  public CallbackTargets(Set<String> allowedHosts, boolean allowLoopback) {
    this(allowedHosts, allowLoopback, InetAddress::getAllByName);
  }

  CallbackTargets(Set<String> allowedHosts, boolean allowLoopback, Resolver resolver) {
    this.allowedHosts = Set.copyOf(allowedHosts);
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
    boolean https = "https".equalsIgnoreCase(uri.getScheme());
    if (!https && !(allowLoopback && loopbackOnly)) {
      throw new CallbackRefusedException("must be an https URL");
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
      if (loopback ? !allowLoopback : internal(address)) {
        throw new CallbackRefusedException("resolves to an internal address");
      }
    }
    return loopbackOnly;
  }

  static boolean internal(InetAddress address) {
    if (address.isAnyLocalAddress()
        || address.isLoopbackAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return true;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      return first == 0
          || (first == 100 && second >= 64 && second < 128) // carrier-grade NAT
          || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
          || (first == 198 && (second == 18 || second == 19)) // benchmarking
          || first >= 240; // reserved and broadcast
    }
    return address instanceof Inet6Address && (b[0] & 0xfe) == 0xfc; // unique local fc00::/7
  }
}
