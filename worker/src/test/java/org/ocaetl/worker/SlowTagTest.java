package org.ocaetl.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.ocaetl.worker.testing.OcaEnvironment;

/**
 * Every test that starts a process (a child JVM, S3Mock, keytool) is tagged {@code slow}, so that
 * {@code mvn verify -DexcludedGroups=slow} leaves all of them out, found in the test sources of
 * every module: a test class that builds a process itself, or uses a test helper that does.
 */
class SlowTagTest {
  static final List<String> MODULES = List.of("synthetic", "workflows", "activities", "worker", "devtools");
  static final Pattern STARTS_A_PROCESS = Pattern.compile("new ProcessBuilder\\(");
  static final String SLOW = "@Tag(\"slow\")";

  @Test
  void everyTestThatStartsAProcessIsTaggedSlow() throws IOException {
    List<Path> sources = testSources();
    Set<String> helpers = sources.stream()
        .filter(p -> !isTestClass(p) && STARTS_A_PROCESS.matcher(read(p)).find())
        .map(SlowTagTest::simpleName)
        .collect(Collectors.toSet());
    List<Path> spawning = sources.stream().filter(p -> isTestClass(p) && startsAProcess(read(p), helpers)).toList();

    assertTrue(spawning.stream().map(SlowTagTest::simpleName).collect(Collectors.toSet())
        .containsAll(Set.of("WorkerKillTest", "BoundedHeapTest", "S3ObjectStoreTest")), "found: " + spawning);
    assertEquals(List.of(), spawning.stream()
        .filter(p -> !read(p).contains(SLOW))
        .map(p -> OcaEnvironment.REPO.relativize(p).toString())
        .sorted()
        .toList(), "tests that start a process without " + SLOW);
  }

  private static boolean startsAProcess(String source, Set<String> helpers) {
    return STARTS_A_PROCESS.matcher(source).find()
        || helpers.stream().anyMatch(h -> Pattern.compile("\\b" + h + "\\.").matcher(source).find());
  }

  private static List<Path> testSources() throws IOException {
    List<Path> sources = new ArrayList<>();
    for (String module : MODULES) {
      try (Stream<Path> files = Files.walk(OcaEnvironment.REPO.resolve(module).resolve("src/test/java"))) {
        files.filter(p -> p.toString().endsWith(".java")).forEach(sources::add);
      }
    }
    return sources;
  }

  /** What Surefire runs: {@code *Test.java}. */
  private static boolean isTestClass(Path source) {
    return source.getFileName().toString().endsWith("Test.java");
  }

  private static String simpleName(Path source) {
    return source.getFileName().toString().replaceFirst("\\.java$", "");
  }

  private static String read(Path source) {
    try {
      return Files.readString(source);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
