package io.invoicebridge.invoice;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.invoicebridge.problem.Problem;
import io.invoicebridge.problem.ProblemException;
import io.invoicebridge.problem.Violation;
import io.invoicebridge.problem.Violations;
import io.invoicebridge.testing.TestConfig;
import io.micronaut.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Coverage-guided fuzzing (Jazzer) of what reads a request body: whatever the bytes, the reader
 * either accepts a bounded batch or refuses it with a 4xx problem whose document stays small. Any
 * other exception (the way a 500 begins) is a finding.
 *
 * <p>{@code ./mvnw verify} runs the inputs committed under {@code
 * src/test/resources/io/invoicebridge/invoice/RequestReaderFuzzTestInputs/} (regression mode).
 * {@code docs/security.md} ("Input limits") gives the command that fuzzes for longer; an input that
 * fails is written beside the committed ones, to be committed with its fix.
 */
class RequestReaderFuzzTest {

  /** A problem document's largest size: 100 listed problems with short pointers, and a count. */
  static final int MAX_ANSWER_BYTES = 64 * 1024;

  private static final BatchReader READER =
      new BatchReader(JsonMapper.createDefault(), TestConfig.config(false));
  private static final int MAX_ITEMS = TestConfig.config(false).limits().maxBatchSize();
  private static final String SINGLE_KEY = "2026-11/ACME/single-1";

  @FuzzTest(maxDuration = "30s")
  void readBatch_anyBody_acceptsABoundedBatchOrAnswers4xxSmall(byte[] body) {
    try {
      List<InvoiceItem> items = READER.readBatch(body);
      assertTrue(!items.isEmpty() && items.size() <= MAX_ITEMS, "items: " + items.size());
    } catch (ProblemException refused) {
      assertSmall4xx(refused.problem());
    }
  }

  /**
   * The single-item endpoint's body. Its {@code Idempotency-Key} header is checked against the key
   * pattern before the body is read (a 400 otherwise), so the body is read with a valid key.
   */
  @FuzzTest(maxDuration = "30s")
  void readSingle_anyBody_acceptsOneItemOrAnswers4xxSmall(byte[] body) {
    try {
      InvoiceItem item = READER.readSingle(body, SINGLE_KEY);
      assertTrue(item.key().equals(SINGLE_KEY), item.key());
    } catch (ProblemException refused) {
      assertSmall4xx(refused.problem());
    }
  }

  private static void assertSmall4xx(Problem problem) {
    long size = jsonBytesAtMost(problem);
    assertTrue(problem.status() >= 400 && problem.status() < 500, problem::toString);
    assertTrue(size <= MAX_ANSWER_BYTES, () -> "a problem of " + size + " bytes");
    assertTrue(
        problem.errors() == null || problem.errors().size() <= Violations.KEPT,
        () -> problem.errors().size() + " problems listed");
  }

  /**
   * An upper bound of the problem document's size: each text's UTF-8 bytes, doubled for escapes,
   * plus room for the member names. Counted from the record's accessors rather than serialized: the
   * fuzzer's coverage instrumentation breaks the serializer's access to records.
   */
  private static long jsonBytesAtMost(Problem problem) {
    long size = 256 + 2L * utf8(problem.type(), problem.title(), problem.detail());
    if (problem.errors() != null) {
      for (Violation violation : problem.errors()) {
        size += 32 + 2L * utf8(violation.pointer(), violation.message());
      }
    }
    return size;
  }

  private static long utf8(String... texts) {
    long bytes = 0;
    for (String text : texts) {
      bytes += text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }
    return bytes;
  }
}
