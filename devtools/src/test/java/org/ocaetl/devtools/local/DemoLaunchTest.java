package org.ocaetl.devtools.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.ocaetl.worker.LaunchTest;
import org.ocaetl.worker.testing.OcaEnvironment;

/** The README's one-command demo and the demo's own hints launch oca-dev.jar with the flags of {@link LaunchTest}. */
class DemoLaunchTest {
  @Test
  void theReadmeQuickStartAndTheDemoUseTheLaunchFlags() throws Exception {
    String launch = String.join(" ", LaunchTest.LAUNCH_FLAGS) + " -jar devtools/target/oca-dev.jar";
    assertEquals(launch, DemoCommand.LAUNCH);
    String readme = Files.readString(OcaEnvironment.REPO.resolve("README.md"));
    assertTrue(readme.contains("mvn -B -q package -DskipTests && " + launch + " demo\n"), "README quick start");
  }
}
