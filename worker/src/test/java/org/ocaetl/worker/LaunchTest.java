package org.ocaetl.worker;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.ocaetl.worker.testing.OcaEnvironment;

/**
 * How the jars are launched without JDK warnings: DuckDB's native access is enabled by the jars'
 * manifests (the shaded jars are built after the tests, so their configuration is checked), the
 * sun.misc.Unsafe warning of JDK 24+ needs a launch flag, the same in the README, the demo's
 * hints (devtools' DemoLaunchTest) and the image ({@link DockerfileTest}).
 */
public class LaunchTest {
  /** JDK 21 does not know the second flag: the first lets it start all the same. */
  public static final List<String> LAUNCH_FLAGS =
      List.of("java", "-XX:+IgnoreUnrecognizedVMOptions", "--sun-misc-unsafe-memory-access=allow");

  @Test
  void theJarManifestsEnableNativeAccess() throws Exception {
    for (String module : List.of("worker", "devtools")) {
      String pom = Files.readString(OcaEnvironment.REPO.resolve(module + "/pom.xml"));
      Matcher entries = Pattern.compile("(?s)<manifestEntries>(.*?)</manifestEntries>").matcher(pom);
      assertTrue(entries.find(), module + ": the shade plugin's manifest entries");
      assertTrue(entries.group(1).contains("<Enable-Native-Access>ALL-UNNAMED</Enable-Native-Access>"),
          module + ": " + entries.group(1));
    }
  }
}
