package org.ocaetl.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.ocaetl.worker.local.DemoCommand;
import org.ocaetl.worker.testing.OcaEnvironment;

/**
 * How the jar is launched without JDK warnings: DuckDB's native access is enabled by the jar's
 * manifest (the shaded jar is built after the tests, so its configuration is checked), the
 * sun.misc.Unsafe warning of JDK 24+ needs a launch flag, the same in the README, the demo's
 * hints and the image ({@link DockerfileTest}).
 */
class LaunchTest {
  /** JDK 21 does not know the second flag: the first lets it start all the same. */
  static final List<String> LAUNCH_FLAGS =
      List.of("java", "-XX:+IgnoreUnrecognizedVMOptions", "--sun-misc-unsafe-memory-access=allow");

  @Test
  void theJarManifestEnablesNativeAccess() throws Exception {
    String pom = Files.readString(OcaEnvironment.REPO.resolve("worker/pom.xml"));
    Matcher entries = Pattern.compile("(?s)<manifestEntries>(.*?)</manifestEntries>").matcher(pom);
    assertTrue(entries.find(), "the shade plugin's manifest entries");
    assertTrue(entries.group(1).contains("<Enable-Native-Access>ALL-UNNAMED</Enable-Native-Access>"), entries.group(1));
  }

  @Test
  void theReadmeQuickStartAndTheDemoUseTheLaunchFlags() throws Exception {
    String launch = String.join(" ", LAUNCH_FLAGS) + " -jar worker/target/oca-worker.jar";
    assertEquals(launch, DemoCommand.LAUNCH);
    String readme = Files.readString(OcaEnvironment.REPO.resolve("README.md"));
    assertTrue(readme.contains("mvn -B -q package -DskipTests && " + launch + " demo\n"), "README quick start");
  }
}
