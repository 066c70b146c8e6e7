package io.invoicebridge.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A stack's setting reaches every module that takes a variable of the same name (as the stack's
 * value, or one derived from it), so no module quietly keeps its own default: the monitoring
 * modules drew freee's hour at 1,500 whatever RATE_LIMIT_PER_HOUR the stack set. Checked on the
 * parsed HCL.
 */
class StackPassThroughTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"aws", "gcp", "azure"})
  void everyModuleTakingAStackSetting_isPassedIt(String cloud) {
    // given
    Path stack = RepositoryLayout.stack(cloud);
    Set<String> stackVariables = variableNames(stack);
    JsonNode modules = HclFiles.file(stack.resolve("main.tf")).path("module");

    // when
    List<String> notPassed = new ArrayList<>();
    modules
        .fields()
        .forEachRemaining(
            entry -> {
              JsonNode call = entry.getValue().path(0);
              Path source = stack.resolve(call.path("source").asText()).normalize();
              for (String variable : variableNames(source)) {
                if (stackVariables.contains(variable) && !call.has(variable)) {
                  notPassed.add("module." + entry.getKey() + "." + variable);
                }
              }
            });

    // then
    assertEquals(List.of(), notPassed, cloud + ": stack settings these modules do not receive");
  }

  private static Set<String> variableNames(Path directory) {
    Set<String> names = new HashSet<>();
    HclFiles.file(directory.resolve("variables.tf"))
        .path("variable")
        .fieldNames()
        .forEachRemaining(names::add);
    return names;
  }
}
