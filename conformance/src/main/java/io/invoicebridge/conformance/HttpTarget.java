package io.invoicebridge.conformance;

/**
 * One way into the bridge: the Netty server over HTTP, a cloud handler called with its own event
 * type, or a cloud runtime started as a process. Each entry point implements only this.
 */
public interface HttpTarget extends AutoCloseable {

  HttpAnswer send(HttpCall call);

  /** Stops whatever {@code start} began; never throws. */
  @Override
  void close();
}
