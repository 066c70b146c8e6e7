package io.invoicebridge.adapters.aws;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.invoicebridge.queued.Disposition;
import io.invoicebridge.queued.QueuedBatchMessage;
import io.invoicebridge.queued.QueuedBatchWorker;
import io.micronaut.function.aws.MicronautRequestHandler;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The batch worker's Lambda handler, fed by the SQS event source mapping (the same package as the
 * HTTP function, another handler name). A message whose store step failed is reported as a batch
 * item failure, so SQS redelivers it and, past the queue's receive count, dead-letters it.
 */
public class SqsBatchHandler extends MicronautRequestHandler<SQSEvent, SQSBatchResponse> {

  private static final Logger LOG = LoggerFactory.getLogger(SqsBatchHandler.class);

  @Inject QueuedBatchWorker worker;
  @Inject SqsBatchQueue queue;
  @Inject JsonMapper json;

  @Override
  public SQSBatchResponse execute(SQSEvent event) {
    List<SQSBatchResponse.BatchItemFailure> failures = new ArrayList<>();
    for (SQSEvent.SQSMessage record : event.getRecords()) {
      try {
        handle(record);
      } catch (IOException | RuntimeException e) {
        LOG.warn("sqs message {} not handled: {}", record.getMessageId(), e.getMessage());
        failures.add(new SQSBatchResponse.BatchItemFailure(record.getMessageId()));
      }
    }
    return new SQSBatchResponse(failures);
  }

  private void handle(SQSEvent.SQSMessage record) throws IOException {
    QueuedBatchMessage message = json.readValue(record.getBody(), QueuedBatchMessage.class);
    String received =
        record.getAttributes() == null
            ? null
            : record.getAttributes().get("ApproximateReceiveCount");
    switch (worker.handle(message, received == null ? 0 : Integer.parseInt(received))) {
      case Disposition.Done done -> {}
      case Disposition.Later later -> queue.sendLater(later.next(), later.delay());
      case Disposition.GaveUp gaveUp -> queue.deadLetter(message, gaveUp.reason());
    }
  }
}
