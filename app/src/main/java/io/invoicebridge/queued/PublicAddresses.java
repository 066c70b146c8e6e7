package io.invoicebridge.queued;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv6.IPv6Address;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.stream.Stream;

/**
 * Whether a packet sent to an address reaches the public internet, judged by what it would reach:
 * an IPv6 address that carries an IPv4 address (IPv4-mapped and -compatible, NAT64's {@code
 * 64:ff9b::/96}, 6to4's {@code 2002::/16}, Teredo's {@code 2001::/32}, ISATAP) is judged by that
 * IPv4 address, Teredo's by both its server's and its client's.
 *
 * <p>The classification is the ipaddress library's ({@code inet.ipaddr}): it recognises each of
 * those IPv6 forms and extracts the IPv4 address they carry, and knows loopback, private,
 * link-local, unique-local, site-local, multicast and unspecified addresses. Guava's {@code
 * InetAddresses} was the other candidate; it has no NAT64, and the JDK knows none of the forms. The
 * IANA special-purpose blocks the library has no predicate for are listed below in CIDR notation,
 * matched by the library; everything else in IPv6 outside the global unicast block {@code 2000::/3}
 * is refused.
 */
final class PublicAddresses {

  /** IANA IPv4 special-purpose blocks that are not globally reachable (RFC 6890 and updates). */
  private static final List<IPAddress> SPECIAL_IPV4 =
      blocks(
          "0.0.0.0/8", // "this network"
          "100.64.0.0/10", // carrier-grade NAT, shared address space
          "192.0.0.0/24", // IETF protocol assignments
          "192.0.2.0/24", // documentation
          "192.88.99.0/24", // 6to4 relay anycast, deprecated
          "198.18.0.0/15", // benchmarking
          "198.51.100.0/24", // documentation
          "203.0.113.0/24", // documentation
          "240.0.0.0/4"); // reserved, and the broadcast address

  private static final IPAddress GLOBAL_UNICAST_IPV6 = block("2000::/3");

  /** IANA IPv6 special-purpose blocks inside {@code 2000::/3} that are not globally reachable. */
  private static final List<IPAddress> SPECIAL_IPV6 =
      blocks(
          "2001::/23", // IETF protocol assignments (Teredo is judged by its IPv4 addresses first)
          "2001:db8::/32", // documentation
          "3fff::/20"); // documentation

  private PublicAddresses() {}

  static boolean reachesOnlyThePublicInternet(InetAddress address) {
    return switch (address) {
      case Inet4Address v4 -> publicIpv4(new IPv4Address(v4));
      case Inet6Address v6 -> publicIpv6(new IPv6Address(v6));
      default -> false;
    };
  }

  private static boolean publicIpv4(IPv4Address address) {
    return !(address.isLoopback()
        || address.isPrivate()
        || address.isLinkLocal()
        || address.isMulticast()
        || address.isAnyLocal()
        || SPECIAL_IPV4.stream().anyMatch(block -> block.contains(address)));
  }

  private static boolean publicIpv6(IPv6Address address) {
    List<IPv4Address> carried = carriedIpv4(address).toList();
    if (!carried.isEmpty()) {
      return carried.stream().allMatch(PublicAddresses::publicIpv4);
    }
    return GLOBAL_UNICAST_IPV6.contains(address)
        && !(address.isLinkLocal() || address.isSiteLocal() || address.isUniqueLocal())
        && SPECIAL_IPV6.stream().noneMatch(block -> block.contains(address));
  }

  /** The IPv4 addresses a packet to {@code address} is delivered to or through, if any. */
  private static Stream<IPv4Address> carriedIpv4(IPv6Address address) {
    if (address.isIPv4Mapped()
        || address.isIPv4Compatible()
        || address.isWellKnownIPv4Translatable()
        || address.isIsatap()) {
      return Stream.of(address.getEmbeddedIPv4Address());
    }
    if (address.is6To4()) {
      return Stream.of(address.get6To4IPv4Address());
    }
    if (address.isTeredo()) {
      // server in bytes 4-7; the client's address is the last 4 bytes, inverted (RFC 4380)
      IPv4Address server = address.getEmbeddedIPv4Address(4);
      IPv4Address client = new IPv4Address(~address.getEmbeddedIPv4Address().intValue());
      return Stream.of(server, client);
    }
    return Stream.empty();
  }

  private static List<IPAddress> blocks(String... cidrs) {
    return Stream.of(cidrs).map(PublicAddresses::block).toList();
  }

  private static IPAddress block(String cidr) {
    return new IPAddressString(cidr).getAddress();
  }
}
