package io.invoicebridge.invoice;

import io.invoicebridge.freee.CreateOutcome;
import io.invoicebridge.freee.FreeeInvoiceBody;
import io.invoicebridge.freee.InvoiceGateway;
import io.invoicebridge.freee.LookupOutcome;
import io.invoicebridge.freee.ReconcileQuery;
import io.invoicebridge.timing.Deadline;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** A gateway that answers from a script, for unit tests of the creation flow. */
final class ScriptedGateway implements InvoiceGateway {

  private final Deque<CreateOutcome> creates = new ArrayDeque<>();
  private final Deque<LookupOutcome> lookups = new ArrayDeque<>();
  final List<FreeeInvoiceBody> sent = new ArrayList<>();
  final List<ReconcileQuery> searched = new ArrayList<>();

  ScriptedGateway thenCreate(CreateOutcome outcome) {
    creates.add(outcome);
    return this;
  }

  ScriptedGateway thenFind(LookupOutcome outcome) {
    lookups.add(outcome);
    return this;
  }

  @Override
  public synchronized CreateOutcome create(FreeeInvoiceBody body, Deadline deadline) {
    sent.add(body);
    return next(creates, "create #" + sent.size());
  }

  @Override
  public synchronized LookupOutcome find(ReconcileQuery query, Deadline deadline) {
    searched.add(query);
    return next(lookups, "lookup #" + searched.size());
  }

  private static <T> T next(Deque<T> script, String call) {
    if (script.isEmpty()) {
      throw new AssertionError("unexpected " + call);
    }
    return script.poll();
  }
}
