package io.invoicebridge.testing;

import org.junit.jupiter.api.BeforeEach;

/**
 * A contract run against every implementation: each implementation's subclass gives one fixture
 * (the subject and whatever the contract needs around it), fresh before each test.
 *
 * @param <F> the contract's fixture
 */
public abstract class ContractTest<F> {

  private F fixture;

  /** A fresh fixture of the implementation under test. */
  protected abstract F newFixture();

  @BeforeEach
  final void openFixture() {
    fixture = newFixture();
  }

  /** This test's fixture. */
  protected final F fixture() {
    return fixture;
  }
}
