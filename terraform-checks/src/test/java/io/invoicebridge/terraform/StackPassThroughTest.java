package io.invoicebridge.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A stack's setting reaches every module that takes a variable of the same name, so no module
 * quietly keeps its own default: the monitoring modules drew freee's hour at 1,500 whatever
 * RATE_LIMIT_PER_HOUR the stack set. A stack variable must be passed (as its value, or one derived
 * from it); an attribute of the stack's app object as {@code var.app.NAME}. Checked on the parsed
 * HCL.
 */
class StackPassThroughTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"aws", "gcp", "azure"})
  void everyModuleTakingAStackSetting_isPassedIt(String cloud) {
    // given
    Path stack = RepositoryLayout.stack(cloud);
    Set<String> stackVariables = SettingVariables.stack(cloud).keySet();
    Set<String> appAttributes = SettingVariables.appAttributes(stack);
    Map<String, JsonNode> modules = Hcl.blocks(stack, "module");

    // when
    List<String> notPassed = new ArrayList<>();
    modules.forEach(
        (label, call) -> {
          Path source = stack.resolve(call.path("source").asText()).normalize();
          for (String variable : Hcl.blocks(source, "variable").keySet()) {
            String where = "module." + label + "." + variable;
            if (stackVariables.contains(variable) && !call.has(variable)) {
              notPassed.add(where);
            } else if (appAttributes.contains(variable)
                && !call.path(variable).asText().contains("var.app." + variable)) {
              notPassed.add(where + " (not from var.app." + variable + ")");
            }
          }
        });

    // then
    assertEquals(List.of(), notPassed, cloud + ": stack settings these modules do not receive");
  }
}
