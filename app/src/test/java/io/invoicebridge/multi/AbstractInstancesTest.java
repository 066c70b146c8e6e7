package io.invoicebridge.multi;

import io.invoicebridge.testing.FakeFreee;
import io.invoicebridge.testing.RedisServerExtension;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** Several bridge instances on the shared test Redis and one fake freee, closed after each test. */
@ExtendWith(RedisServerExtension.class)
abstract class AbstractInstancesTest {

  final FakeFreee freee;
  final Instances instances;

  /** Generous limits unless a test is about them, so pacing does not dominate the suite's time. */
  AbstractInstancesTest() {
    this(FakeFreee.start().rateLimit(10_000, Duration.ofMinutes(1)));
  }

  AbstractInstancesTest(FakeFreee freee) {
    this.freee = freee;
    this.instances = new Instances(freee);
  }

  @AfterEach
  void closeInstancesAndFreee() {
    instances.close();
    freee.close();
  }
}
