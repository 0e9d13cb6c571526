package org.ocaetl.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The production jar (the image's) carries no test tooling: no Temporal test server, no embedded
 * PostgreSQL nor its binaries, no synthetic generator or geocoding stub, no developer command.
 * Those are in devtools' oca-dev.jar. Run by failsafe after {@code package}, on the shaded jar
 * and on the dependency list it was made from (target/production-dependencies.txt).
 */
class ProductionClasspathTest {
  private static final Path JAR = Path.of("target/oca-worker.jar");
  private static final Path DEPENDENCIES = Path.of("target/production-dependencies.txt");

  /** Entry name prefixes of the test tooling's classes and files. */
  private static final List<String> TOOLING_ENTRIES =
      List.of(
          "io/temporal/testing/",
          // The test server's classes (temporal-test-server); Temporal's service client keeps a
          // few classes of its own in the same package.
          "io/temporal/internal/testservice/TestWorkflow",
          "io/zonky/",
          "postgres-linux",
          "org/ocaetl/generate/",
          "org/ocaetl/geocodingstub/",
          "org/ocaetl/devtools/");

  /** groupId:artifactId prefixes of the test tooling's artifacts. */
  private static final List<String> TOOLING_ARTIFACTS =
      List.of(
          "io.temporal:temporal-testing:",
          "io.temporal:temporal-test-server:",
          "io.zonky.test",
          "org.ocaetl:oca-synthetic:",
          "org.ocaetl:oca-devtools:");

  @Test
  void theShadedJarHoldsNoTestTooling() throws Exception {
    try (ZipFile jar = new ZipFile(JAR.toFile())) {
      assertTrue(jar.getEntry(OcaCommand.class.getName().replace('.', '/') + ".class") != null, "the oca jar");
      List<String> tooling =
          jar.stream()
              .map(ZipEntry::getName)
              .filter(name -> TOOLING_ENTRIES.stream().anyMatch(name::startsWith) || name.endsWith(".txz"))
              .limit(20)
              .toList();
      assertEquals(List.of(), tooling);
    }
  }

  @Test
  void theCompileAndRuntimeDependenciesHoldNoTestTooling() throws Exception {
    List<String> artifacts = Files.readAllLines(DEPENDENCIES).stream().map(String::strip).toList();
    assertTrue(artifacts.stream().anyMatch(a -> a.startsWith("io.temporal:temporal-sdk:")), "the resolved list: " + artifacts);
    assertEquals(
        List.of(),
        artifacts.stream().filter(a -> TOOLING_ARTIFACTS.stream().anyMatch(a::startsWith)).toList());
  }
}
