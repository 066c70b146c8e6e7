package io.invoicebridge.adapters.aws;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.invoicebridge.invoice.InvoiceCreation;
import io.invoicebridge.redis.RedisConnections;
import io.micronaut.context.ApplicationContext;
import java.util.ArrayList;
import java.util.List;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Lambda SnapStart's checkpoint and restore, through {@code org.crac} (which Lambda's Java runtimes
 * implement; elsewhere it does nothing).
 *
 * <p>Before the checkpoint: serves {@link PrimingRequests} through the handler, in process, so the
 * classes, beans and code paths of a real request are in the snapshot; none of them reaches freee,
 * Redis or any state. Then closes the Redis connections, so no socket is in the snapshot. After a
 * restore: closes them again (a no-op unless something connected after the checkpoint); the first
 * command connects afresh. No freee token is fetched before the checkpoint, so none is in the
 * snapshot.
 */
final class SnapStartPriming implements Resource {

  private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);

  private final RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler;
  private final ApplicationContext context;

  private SnapStartPriming(
      RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
      ApplicationContext context) {
    this.handler = handler;
    this.context = context;
  }

  static SnapStartPriming register(
      RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> handler,
      ApplicationContext context) {
    SnapStartPriming priming = new SnapStartPriming(handler, context);
    Core.getGlobalContext().register(priming);
    return priming;
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> checkpoint) {
    List<Integer> statuses = prime();
    releaseConnections();
    LOG.info(
        "SnapStart: primed with {} in-process requests, answers {}", statuses.size(), statuses);
  }

  @Override
  public void afterRestore(Context<? extends Resource> restore) {
    releaseConnections();
  }

  /**
   * Serves the priming requests; returns their status codes. A request that fails is logged and
   * skipped: priming makes restores faster, it never stops a snapshot.
   */
  List<Integer> prime() {
    List<Integer> statuses = new ArrayList<>();
    List<APIGatewayV2HTTPEvent> events = PrimingRequests.events(context.getEnvironment());
    for (int i = 0; i < events.size(); i++) {
      String requestId = "snapstart-priming-" + (i + 1);
      try {
        statuses.add(
            handler.handleRequest(events.get(i), new InvocationContext(requestId)).getStatusCode());
      } catch (RuntimeException e) {
        LOG.warn("SnapStart priming request {} failed: {}", requestId, e.toString());
      }
    }
    buildCreationPath();
    return statuses;
  }

  /** The beans a batch that creates invoices needs; building them sends nothing. */
  private void buildCreationPath() {
    try {
      context.getBean(InvoiceCreation.class);
    } catch (RuntimeException e) {
      LOG.warn("SnapStart priming could not build the creation path: {}", e.toString());
    }
  }

  /** Closes the Redis client if there is one; it reconnects at its next command. */
  void releaseConnections() {
    context.findBean(RedisConnections.class).ifPresent(RedisConnections::close);
  }
}
