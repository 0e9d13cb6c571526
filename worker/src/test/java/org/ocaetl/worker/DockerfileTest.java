package org.ocaetl.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.worker.testing.OcaEnvironment;

/**
 * What can be checked of the image without Docker (none in the build environment): the stages,
 * the jar path against the shade plugin's output file, the production jar alone, the user, that every variable it sets is
 * read by the code, and the memory budget against the Deployment's limit.
 */
class DockerfileTest {
  static final Path DOCKERFILE = OcaEnvironment.REPO.resolve("Dockerfile");

  static List<String> instructions() throws Exception {
    // Joins continuation lines and drops comments.
    String text = Files.readString(DOCKERFILE).replaceAll("(?m)^\\s*#.*\\n", "").replace("\\\n", " ");
    return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  static String only(String keyword) throws Exception {
    List<String> lines = instructions().stream().filter(l -> l.startsWith(keyword + " ")).toList();
    assertEquals(1, lines.size(), keyword + ": " + lines);
    return lines.get(0).substring(keyword.length() + 1).strip();
  }

  @Test
  void aMultiStageBuildOnAJre21OrNewerRunningTheShadedJarAsANumericNonRootUser() throws Exception {
    List<String> stages = instructions().stream().filter(l -> l.startsWith("FROM ")).toList();
    assertTrue(stages.size() >= 2, "multi-stage: " + stages);
    Matcher runtime = Pattern.compile("FROM eclipse-temurin:(\\d+)-jre").matcher(stages.get(stages.size() - 1));
    assertTrue(runtime.find() && Integer.parseInt(runtime.group(1)) >= 21, stages.get(stages.size() - 1));

    String pom = Files.readString(OcaEnvironment.REPO.resolve("worker/pom.xml"));
    Matcher shaded = Pattern.compile("<outputFile>\\$\\{project.build.directory}/([^<]+\\.jar)</outputFile>").matcher(pom);
    assertTrue(shaded.find(), "the shade plugin's output file");
    String copy = only("COPY --from=build");
    assertEquals("/src/worker/target/" + shaded.group(1) + " /opt/oca/oca-worker.jar", copy);
    assertEquals(LaunchTest.LAUNCH_FLAGS.stream().map(f -> "\"" + f + "\", ").reduce("[", String::concat)
        + "\"-jar\", \"/opt/oca/oca-worker.jar\"]", only("ENTRYPOINT"), "the README's launch");
    assertEquals("[\"worker\"]", only("CMD"));
    String user = only("USER");
    assertTrue(user.matches("[1-9]\\d*:[1-9]\\d*"), "numeric, not root: " + user);
  }

  /** The image is built from the production jar alone; the dependency layer needs every module's pom. */
  @Test
  void theBuildStageBuildsTheWorkerAloneWithEveryModulePomInTheDependencyLayer() throws Exception {
    List<String> builds = instructions().stream().filter(l -> l.startsWith("RUN mvn ")).toList();
    assertTrue(!builds.isEmpty() && builds.stream().allMatch(l -> l.contains(" -pl worker -am ")), builds.toString());
    Matcher modules = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(OcaEnvironment.REPO.resolve("pom.xml")));
    List<String> copies = instructions().stream().filter(l -> l.startsWith("COPY ") && l.contains("pom.xml")).toList();
    int found = 0;
    while (modules.find()) {
      found++;
      assertTrue(copies.contains("COPY " + modules.group(1) + "/pom.xml " + modules.group(1) + "/"), modules.group(1) + ": " + copies);
    }
    assertTrue(found >= 5, "the modules of the parent pom");
  }

  @Test
  void everyVariableTheImageSetsIsReadByTheCode() throws Exception {
    Map<String, String> env = env();
    var read = OcaEnvironment.names();
    for (String name : env.keySet()) {
      assertTrue(name.equals("JAVA_TOOL_OPTIONS") || read.contains(name), name + " is set but never read");
    }
    assertEquals(OcaEnvironment.options().values().stream()
        .filter(s -> s.env().equals("OCA_METRICS_PORT")).findFirst().orElseThrow().defaultValue(), env.get("OCA_METRICS_PORT"));
    assertTrue(only("EXPOSE").equals(env.get("OCA_METRICS_PORT")));
  }

  @Test
  void theMemoryBudgetFitsTheContainerLimitWithHeadroom() throws Exception {
    Map<String, String> env = env();
    String jvm = env.get("JAVA_TOOL_OPTIONS");
    long heap = flag(jvm, "-Xmx(\\d+)m");
    long metaspace = flag(jvm, "-XX:MaxMetaspaceSize=(\\d+)m");
    long codeCache = flag(jvm, "-XX:ReservedCodeCacheSize=(\\d+)m");
    long direct = flag(jvm, "-XX:MaxDirectMemorySize=(\\d+)m");
    long duckdb = Long.parseLong(env.get("OCA_DUCKDB_MEMORY_LIMIT").replace("MB", "")) * 1_000_000 / (1024 * 1024);
    long headroom = 256;
    long limit = ManifestsTest.mebibytes("2Gi");
    assertTrue(heap <= 1024, "heap <= 1 GiB (brief)");
    assertTrue(heap + metaspace + codeCache + direct + duckdb + headroom <= limit,
        "heap " + heap + " + metaspace " + metaspace + " + code " + codeCache + " + direct " + direct + " + DuckDB "
            + duckdb + " + headroom " + headroom + " MiB > " + limit);
    assertTrue(jvm.contains("-Djava.io.tmpdir=/tmp"), "tmpdir on the emptyDir");
    assertTrue(env.get("OCA_WORK_DIR").startsWith("/tmp/"), "work folder on the emptyDir");
  }

  /**
   * Out of heap, the image's JVM stops at once (a worker must not run on half broken) but with
   * exit code 1, the crash code of every command: -XX:+ExitOnOutOfMemoryError would exit with 3,
   * which `oca parse`, `oca local` and `oca start --wait` use for "cases failed".
   */
  @Test
  @Tag("slow")
  void runningOutOfHeapExitsWithOneNotTheCasesFailedCode(@TempDir Path dir) throws Exception {
    String options = env().get("JAVA_TOOL_OPTIONS").replaceFirst("-Xmx\\d+m", "-Xmx32m");
    ProcessBuilder jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:ErrorFile=" + dir.resolve("hs_err_pid%p.log"), // not the image's /tmp
        "-cp", System.getProperty("java.class.path"), OutOfMemory.class.getName());
    jvm.environment().put("JAVA_TOOL_OPTIONS", options);
    jvm.redirectErrorStream(true).redirectOutput(dir.resolve("output.txt").toFile());
    Process process = jvm.start();
    assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the JVM ended");
    String output = Files.readString(dir.resolve("output.txt"));
    assertTrue(output.contains("OutOfMemoryError"), output);
    assertEquals(1, process.exitValue(), output);
  }

  private static Map<String, String> env() throws Exception {
    Map<String, String> env = new LinkedHashMap<>();
    Matcher pair = Pattern.compile("([A-Z_]+)=(\"[^\"]*\"|\\S+)").matcher(only("ENV"));
    while (pair.find()) {
      env.put(pair.group(1), pair.group(2).replace("\"", ""));
    }
    return env;
  }

  private static long flag(String options, String regex) {
    Matcher m = Pattern.compile(regex).matcher(options);
    assertTrue(m.find(), regex + " in " + options);
    return Long.parseLong(m.group(1));
  }
}
