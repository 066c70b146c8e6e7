package io.invoicebridge.invoice;

import io.invoicebridge.config.BridgeConfig;
import io.invoicebridge.invoice.validation.InvoiceValidator;
import io.invoicebridge.problem.InvalidItemsException;
import io.invoicebridge.problem.MalformedBodyException;
import io.invoicebridge.problem.PayloadTooLargeException;
import io.invoicebridge.problem.Violation;
import io.invoicebridge.problem.Violations;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads request bodies into validated items, all up front: a body that is not JSON is 400, a batch
 * over {@code MAX_BATCH_SIZE} is 413, and any invalid item refuses the whole request (422, every
 * problem listed) so nothing is half-sent.
 */
@Singleton
public class BatchReader {

  /** Bodies above this many bytes are refused (Lambda's own payload limit is 6 MB). */
  public static final int MAX_BODY_BYTES = 6 * 1024 * 1024;

  private final JsonMapper json;
  private final InvoiceValidator validator;
  private final int maxBatchSize;

  public BatchReader(JsonMapper json, BridgeConfig config) {
    this.json = json;
    this.validator = new InvoiceValidator(config.defaults());
    this.maxBatchSize = config.limits().maxBatchSize();
  }

  /** Reads {@code {"invoices":[item, ...]}}. */
  public List<InvoiceItem> readBatch(byte[] body) {
    JsonNode invoices = parse(body).get("invoices");
    if (invoices == null || !invoices.isArray()) {
      throw new InvalidItemsException(
          "The body must be {\"invoices\":[...]}",
          List.of(new Violation("/invoices", "is required: a list of invoices")));
    }
    if (invoices.size() > maxBatchSize) {
      throw new PayloadTooLargeException(
          "The batch holds " + invoices.size() + " invoices; MAX_BATCH_SIZE is " + maxBatchSize,
          maxBatchSize);
    }
    Violations violations = new Violations();
    List<JsonNode> nodes = new ArrayList<>();
    invoices.values().forEach(nodes::add);
    for (int i = 0; i < nodes.size(); i++) {
      validator.validate(nodes.get(i), "/invoices/" + i, true, violations);
    }
    duplicateKeys(nodes, violations);
    if (nodes.isEmpty()) {
      violations.add("/invoices", "must hold at least one invoice");
    }
    refuseIfInvalid(violations, nodes.size());
    return nodes.stream().map(node -> item(node.get("key").getStringValue(), node)).toList();
  }

  /** Reads one item whose key came in the {@code Idempotency-Key} header. */
  public InvoiceItem readSingle(byte[] body, String key) {
    JsonNode node = parse(body);
    Violations violations = new Violations();
    validator.validate(node, "", false, violations);
    JsonNode keyInBody = node.get("key");
    if (keyInBody != null && !(keyInBody.isString() && key.equals(keyInBody.getStringValue()))) {
      violations.add("/key", "must be left out or equal the Idempotency-Key header");
    }
    refuseIfInvalid(violations, 1);
    return item(key, node);
  }

  private JsonNode parse(byte[] body) {
    if (body == null || body.length == 0) {
      throw new MalformedBodyException("The body is empty; send a JSON object");
    }
    if (body.length > MAX_BODY_BYTES) {
      throw new PayloadTooLargeException(
          "The body has " + body.length + " bytes; the limit is " + MAX_BODY_BYTES, MAX_BODY_BYTES);
    }
    try {
      JsonNode node = json.readValue(body, JsonNode.class);
      if (node == null || !node.isObject()) {
        throw new MalformedBodyException("The body must be a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw new MalformedBodyException("The body is not valid JSON");
    }
  }

  private static void duplicateKeys(List<JsonNode> nodes, Violations violations) {
    Map<String, Integer> firstIndex = new HashMap<>();
    for (int i = 0; i < nodes.size(); i++) {
      JsonNode key = nodes.get(i).isObject() ? nodes.get(i).get("key") : null;
      if (key == null || !key.isString()) {
        continue;
      }
      Integer first = firstIndex.putIfAbsent(key.getStringValue(), i);
      if (first != null) {
        violations.add("/invoices/" + i + "/key", "repeats the key of /invoices/" + first);
      }
    }
  }

  private static void refuseIfInvalid(Violations violations, int items) {
    if (!violations.isEmpty()) {
      throw new InvalidItemsException(
          violations.count() + " problem(s) in " + items + " item(s); nothing was sent",
          violations);
    }
  }

  private static InvoiceItem item(String key, JsonNode node) {
    Map<String, JsonNode> fields = new LinkedHashMap<>();
    node.entries().forEach(e -> fields.put(e.getKey(), e.getValue()));
    fields.remove("key");
    return InvoiceItem.of(key, JsonNode.createObjectNode(fields));
  }
}
