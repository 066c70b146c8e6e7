package io.invoicebridge.adapters.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.invoicebridge.conformance.deployed.LambdaSandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sandboxes started side by side each load their own copy of the runtime client's native library,
 * as each Lambda sandbox has its own /tmp (sharing the client's fixed /tmp path, a starting worker
 * once failed to load it while the API function's client rewrote it).
 */
class LambdaSandboxIT {

  private static final String NATIVE_CLIENT =
      "-Dcom.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI=";

  @Test
  void command_twoSandboxes_eachLoadsItsOwnCopyOfTheNativeClient(@TempDir Path work)
      throws IOException {
    // given
    Path runtimeDir = Path.of(System.getProperty("lambda.runtime.dir"));
    Path taskRoot = Files.createDirectories(work.resolve("task"));

    // when
    Path first = nativeClient(LambdaSandbox.command(runtimeDir, taskRoot, "h::handleRequest"));
    Path second = nativeClient(LambdaSandbox.command(runtimeDir, taskRoot, "h::handleRequest"));

    // then
    assertNotEquals(first, second);
    assertTrue(first.startsWith(work) && second.startsWith(work), first + ", " + second);
    assertEquals(Files.size(first), Files.size(second));
    assertTrue(Files.size(first) > 100_000, "the library itself: " + Files.size(first));
  }

  private static Path nativeClient(List<String> command) {
    List<String> named = command.stream().filter(arg -> arg.startsWith(NATIVE_CLIENT)).toList();
    assertEquals(1, named.size(), command::toString);
    return Path.of(named.getFirst().substring(NATIVE_CLIENT.length()));
  }
}
