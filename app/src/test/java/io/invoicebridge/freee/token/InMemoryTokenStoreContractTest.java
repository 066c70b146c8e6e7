package io.invoicebridge.freee.token;

class InMemoryTokenStoreContractTest extends AbstractTokenStoreContractTest {

  /** One instance's store is shared by all its callers: its "peer" is itself. */
  @Override
  protected Fixture newFixture() {
    InMemoryTokenStore store = new InMemoryTokenStore();
    return new Fixture(store, store, false);
  }
}
