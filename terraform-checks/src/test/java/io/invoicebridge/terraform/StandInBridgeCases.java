package io.invoicebridge.terraform;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The frame of a test of terraform/scripts against a deployment that answers: a stand-in deployment
 * in a fresh directory and a stand-in bridge that answers as the version last applied would, with
 * the subclass's run token; the subclass's own set-up runs after this one's.
 */
abstract class StandInBridgeCases {

  @TempDir Path directory;
  StandInDeployment deployment;
  FakeBridgeEndpoint bridge;

  private final String runToken;

  StandInBridgeCases(String runToken) {
    this.runToken = runToken;
  }

  @BeforeEach
  void startBridge() throws IOException {
    deployment = StandInDeployment.forScripts(directory);
    bridge = new FakeBridgeEndpoint(runToken, deployment.deployedVersionFile());
  }

  @AfterEach
  void stopBridge() {
    if (bridge != null) {
      bridge.close();
    }
  }
}
