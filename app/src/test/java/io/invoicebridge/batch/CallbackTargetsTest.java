package io.invoicebridge.batch;

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
