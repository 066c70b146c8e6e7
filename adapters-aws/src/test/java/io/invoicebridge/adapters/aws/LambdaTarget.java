package io.invoicebridge.adapters.aws;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.invoicebridge.conformance.ConformanceTarget;
import io.invoicebridge.conformance.HttpAnswer;
import io.invoicebridge.conformance.HttpCall;
import io.invoicebridge.conformance.HttpTarget;
import io.micronaut.context.ApplicationContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The deployed handler class, given events as Lambda's Java runtime gives them: JSON of the
 * sample's shape, read and written with the runtime's own event serializer.
 */
final class LambdaTarget implements HttpTarget {

  static final String FUNCTION_URL = "events/function-url.json";
  static final String HTTP_API = "events/http-api.json";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ClassLoader LOADER = LambdaTarget.class.getClassLoader();
  private static final PojoSerializer<APIGatewayV2HTTPEvent> EVENTS =
      LambdaEventSerializers.serializerFor(APIGatewayV2HTTPEvent.class, LOADER);
  private static final PojoSerializer<APIGatewayV2HTTPResponse> RESPONSES =
      LambdaEventSerializers.serializerFor(APIGatewayV2HTTPResponse.class, LOADER);

  private final InvoiceBridgeHandler handler;
  private final ObjectNode template;

  private LambdaTarget(InvoiceBridgeHandler handler, ObjectNode template) {
    this.handler = handler;
    this.template = template;
  }

  static LambdaTarget start(Map<String, String> properties, String eventSample) {
    var context =
        InvoiceBridgeHandler.contextBuilder().properties(new HashMap<>(properties)).build();
    return new LambdaTarget(new InvoiceBridgeHandler(context), sample(eventSample));
  }

  /** A Function URL function with the conformance run token, freee in dry run. */
  static LambdaTarget startDryRun() {
    return start(
        Map.of("bridge.run-token", ConformanceTarget.RUN_TOKEN, "bridge.freee-dry-run", "true"),
        FUNCTION_URL);
  }

  @Override
  public HttpAnswer send(HttpCall call) {
    return send(call, UUID.randomUUID().toString());
  }

  /** Sends {@code call} as the invocation with the Lambda request id {@code invocationId}. */
  HttpAnswer send(HttpCall call, String invocationId) {
    return send(event(call, invocationId), invocationId);
  }

  /** The event Lambda would deliver for {@code call}. */
  ObjectNode event(HttpCall call, String invocationId) {
    return Payload2Events.event(template, call, invocationId);
  }

  /** Delivers {@code event} exactly as given. */
  HttpAnswer send(ObjectNode event, String invocationId) {
    APIGatewayV2HTTPResponse response =
        handler.handleRequest(
            EVENTS.fromJson(event.toString()), new InvocationContext(invocationId));
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    RESPONSES.toJson(response, wire);
    try {
      return Payload2Events.answer(JSON.readTree(wire.toByteArray()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The handler's application context, to see which beans a request built. */
  ApplicationContext context() {
    return handler.getApplicationContext();
  }

  @Override
  public void close() {
    handler.close();
  }

  static ObjectNode sample(String resource) {
    try (InputStream in = LOADER.getResourceAsStream(resource)) {
      return (ObjectNode) JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(resource, e);
    }
  }
}
