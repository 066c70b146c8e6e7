package io.invoicebridge.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The expression forms the workflows use, evaluated as GitHub's runner does. */
class WorkflowExpressionsTest {

  private static final Map<String, Object> CONTEXTS =
      Map.of(
          "inputs", Map.of("cloud", "", "release-check", true),
          "vars", Map.of("DEPLOY_CLOUD", "aws"),
          "env", Map.of("CLOUD", "gcp"),
          "needs", Map.of("build", Map.of("outputs", Map.of("version", "0a1b2c3d4e5f"))),
          "job", Map.of("status", "success"));

  @Test
  void or_firstOperandEmpty_givesTheSecondOperand() {
    assertEquals(
        "aws", WorkflowExpressions.evaluate("inputs.cloud || vars.deploy_cloud", CONTEXTS));
  }

  @Test
  void interpolate_propertyPathsWithHyphens_replacedByTheirText() {
    assertEquals(
        "v=0a1b2c3d4e5f check=true missing=",
        WorkflowExpressions.interpolate(
            "v=${{ needs.build.outputs.version }} check=${{ inputs.release-check }}"
                + " missing=${{ vars.NOPE }}",
            CONTEXTS));
  }

  @Test
  void value_oneExpressionAlone_keepsItsType() {
    assertEquals(true, WorkflowExpressions.value("${{ inputs.release-check }}", CONTEXTS));
  }

  @Test
  void condition_comparesStringsIgnoringCaseAndImpliesSuccess() {
    assertTrue(WorkflowExpressions.condition("env.CLOUD == 'GCP'", CONTEXTS));
    assertFalse(WorkflowExpressions.condition("${{ env.CLOUD != 'gcp' }}", CONTEXTS));
    assertFalse(
        WorkflowExpressions.condition(
            "inputs.release-check", Map.of("inputs", Map.of("release-check", true))),
        "without job.status success, success() is false");
  }

  @Test
  void evaluate_unsupportedForm_failsInsteadOfGuessing() {
    assertThrows(
        IllegalArgumentException.class,
        () -> WorkflowExpressions.evaluate("contains(github.ref, 'main')", CONTEXTS));
    assertThrows(
        IllegalArgumentException.class, () -> WorkflowExpressions.evaluate("a > b", CONTEXTS));
  }
}
