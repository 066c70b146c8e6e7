package io.invoicebridge.conformance;

import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One entry point started before a test class's cases and closed after them, for a class that
 * registers it as a static extension field and needs no case group's settings.
 */
public final class TargetPerClass<T extends HttpTarget>
    implements BeforeAllCallback, AfterAllCallback {

  private final Supplier<T> start;
  private T target;

  public TargetPerClass(Supplier<T> start) {
    this.start = start;
  }

  /** The started entry point. */
  public T get() {
    return target;
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    target = start.get();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (target != null) {
      target.close();
    }
  }
}
