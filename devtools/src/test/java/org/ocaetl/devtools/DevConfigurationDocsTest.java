package org.ocaetl.devtools;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ocaetl.worker.ConfigurationDocsTest;
import org.ocaetl.worker.testing.OcaEnvironment;

/** README.md's configuration table also documents the developer commands' environment variables. */
class DevConfigurationDocsTest {
  @Test
  void everyOptionOfTheDeveloperCommandsWithAnEnvironmentVariableHasItsRowAndDefault() throws Exception {
    Map<String, OcaEnvironment.Setting> settings = OcaEnvironment.options(OcaDevCommand.commandLine());
    assertTrue(settings.keySet().containsAll(OcaEnvironment.options().keySet()), "oca's and more: " + settings.keySet());
    ConfigurationDocsTest.assertDocumented(settings.values());
  }
}
