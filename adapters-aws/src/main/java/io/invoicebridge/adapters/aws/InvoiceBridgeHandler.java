package io.invoicebridge.adapters.aws;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.context.env.Environment;
import io.micronaut.function.aws.proxy.payload2.APIGatewayV2HTTPEventFunction;

/**
 * Lambda's entry point: Micronaut's payload 2.0 handler (function URL and HTTP API) with two
 * changes for cold start.
 *
 * <p>Beans are built when first needed. Micronaut's Lambda context builder creates every singleton
 * during init, which costs an on-demand cold start the HTTP clients, their event loop and the retry
 * proxies even when the first request is a {@code /health} or a dry run that uses none of them.
 * With SnapStart, init happens before the snapshot instead, and there {@link SnapStartPriming}
 * serves requests in process before the checkpoint, so the snapshot holds what a real request
 * needs.
 */
public class InvoiceBridgeHandler extends APIGatewayV2HTTPEventFunction {

  /** The environment Micronaut's Lambda builder adds (its configuration files may name it). */
  static final String LAMBDA_ENVIRONMENT = "lambda";

  // org.crac holds registered resources weakly: the handler keeps its own alive.
  private final SnapStartPriming priming;

  /** What the Lambda runtime calls. */
  public InvoiceBridgeHandler() {
    this.priming = SnapStartPriming.register(this, applicationContext);
  }

  /** For tests: a context built with {@link #contextBuilder()}, started by the handler. */
  public InvoiceBridgeHandler(ApplicationContext context) {
    super(context);
    this.priming = SnapStartPriming.register(this, applicationContext);
  }

  /**
   * What Micronaut's {@code LambdaApplicationContextBuilder} sets up (the environments {@code
   * function} and {@code lambda}) without its eager initialisation, which its builder API can add
   * but not take back.
   */
  public static ApplicationContextBuilder contextBuilder() {
    return ApplicationContext.builder().environments(Environment.FUNCTION, LAMBDA_ENVIRONMENT);
  }

  @Override
  protected ApplicationContextBuilder newApplicationContextBuilder() {
    return contextBuilder();
  }

  SnapStartPriming priming() {
    return priming;
  }
}
