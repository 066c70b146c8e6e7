package io.invoicebridge.queued;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CallbackTargetsTest {

  private final CallbackTargets anyPublicHost = new CallbackTargets(Set.of(), false);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://93.184.216.34/hook", // plain HTTP
        "https://127.0.0.1/hook", // loopback
        "https://localhost/hook",
        "https://[::1]/hook",
        "https://10.0.0.8/hook", // private
        "https://172.16.5.4/hook",
        "https://192.168.1.1/hook",
        "https://169.254.169.254/latest/meta-data/", // link-local: cloud metadata
        "https://[fe80::1]/hook",
        "https://[fd00:ec2::254]/hook", // unique local: AWS metadata over IPv6
        "https://100.64.0.1/hook", // carrier-grade NAT
        "https://0.0.0.0/hook",
        "https://[::ffff:10.0.0.1]/hook", // IPv4-mapped private
        // IPv6 forms that carry an IPv4 address: judged by the IPv4 address a packet reaches
        "https://[::ffff:127.0.0.1]/hook", // IPv4-mapped loopback
        "https://[::ffff:169.254.169.254]/latest/", // IPv4-mapped metadata
        "https://[::ffff:7f00:1]/hook", // IPv4-mapped loopback, hexadecimal
        "https://[::127.0.0.1]/hook", // IPv4-compatible loopback
        "https://[64:ff9b::7f00:1]/hook", // NAT64 of loopback
        "https://[64:ff9b::a9fe:a9fe]/latest/", // NAT64 of the metadata address
        "https://[64:ff9b::a00:1]/hook", // NAT64 of a private address
        "https://[64:ff9b:1::a00:1]/hook", // NAT64 local-use prefix
        "https://[2002:7f00:1::1]/hook", // 6to4 of loopback
        "https://[2002:a9fe:a9fe::1]/latest/", // 6to4 of the metadata address
        "https://[2001:0:4136:e378:8000:63bf:80ff:fffe]/hook", // Teredo, client 127.0.0.1
        "https://[2001:0:a00:1:8000:63bf:a247:27dd]/hook", // Teredo, server 10.0.0.1
        "https://[::]/hook", // unspecified
        "https://[fec0::1]/hook", // site-local
        "https://[ff02::1]/hook", // multicast
        "https://[100::1]/hook", // discard-only
        "https://[2001:db8::1]/hook", // documentation
        "https://192.0.2.10/hook", // documentation
        "https://198.18.0.1/hook", // benchmarking
        "https://255.255.255.255/hook", // broadcast
        "https://224.0.0.1/hook", // multicast
        // ports other than 443, unless BATCH_CALLBACK_PORT allows one
        "https://93.184.216.34:8443/hook",
        "https://93.184.216.34:22/hook",
        "https://user:pw@93.184.216.34/hook", // user info
        "not a url",
        "/relative/hook"
      })
  void check_internalOrMalformedTarget_isRefused(String url) {
    assertThrows(CallbackRefusedException.class, () -> anyPublicHost.check(url));
  }

  @Test
  void check_publicHttpsAddress_isAccepted() {
    assertEquals(
        "https://93.184.216.34/hook",
        anyPublicHost.check("https://93.184.216.34/hook").uri().toString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://93.184.216.34:443/hook",
        "https://[2606:2800:220:1:248:1893:25c8:1946]/hook", // public IPv6
        "https://[64:ff9b::5db8:d822]/hook", // NAT64 of a public address
        "https://[2002:5db8:d822::1]/hook", // 6to4 of a public address
        "https://[2001:0:4136:e378:8000:63bf:a247:27dd]/hook", // Teredo, public server and client
      })
  void check_addressThatReachesThePublicInternet_isAccepted(String url) {
    assertEquals(url, anyPublicHost.check(url).uri().toString());
  }

  @Test
  void check_portTheOperatorAllows_isAcceptedAndOthersRefused() {
    CallbackTargets on8443 = new CallbackTargets(Set.of(), 8443, false);

    assertEquals(8443, on8443.check("https://93.184.216.34:8443/h").uri().getPort());
    assertThrows(CallbackRefusedException.class, () -> on8443.check("https://93.184.216.34/h"));
  }

  @Test
  void check_hostNotListedByTheOperator_isRefused() {
    CallbackTargets listed = new CallbackTargets(Set.of("hooks.example.com"), false);

    assertThrows(CallbackRefusedException.class, () -> listed.check("https://93.184.216.34/h"));
  }

  @Test
  void check_loopbackAllowedForTests_acceptsPlainHttpOnLoopbackOnly() {
    CallbackTargets tests = new CallbackTargets(Set.of(), true);

    assertEquals(
        "http://127.0.0.1:8080/h", tests.check("http://127.0.0.1:8080/h").uri().toString());
    assertThrows(CallbackRefusedException.class, () -> tests.check("http://10.0.0.8/h"));
  }
}
