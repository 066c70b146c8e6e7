package io.invoicebridge.freee.token;

class InMemoryTokenStoreContractTest extends AbstractTokenStoreContractTest {

  private final InMemoryTokenStore store = new InMemoryTokenStore();

  @Override
  protected TokenStore store() {
    return store;
  }

  @Override
  protected TokenStore peerOf(TokenStore store) {
    return store;
  }

  @Override
  protected boolean expectedShared() {
    return false;
  }
}
