package org.ocaetl.worker.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.ocaetl.worker.OcaCommand;

/**
 * {@code oca worker} in its own JVM (the test classpath, the production logback.xml), configured
 * by environment variables as a container is, with stdout and stderr in files of a folder. It can
 * be stopped as an orchestrator does (SIGTERM) or die as a machine does (SIGKILL).
 */
public final class WorkerProcess implements AutoCloseable {
  private final Process process;
  private final Path out;
  private final Path err;

  private WorkerProcess(Process process, Path out, Path err) {
    this.process = process;
    this.out = out;
    this.err = err;
  }

  /** Starts a worker named {@code name} (its log files are {@code logs/name.out} and {@code .err}). */
  public static WorkerProcess start(Path logs, String name, Map<String, String> env) throws IOException {
    Files.createDirectories(logs);
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx384m",
            "-cp",
            System.getProperty("java.class.path"),
            // The production configuration, not the tests' logback-test.xml.
            "-Dlogback.configurationFile=" + Path.of("src/main/resources/logback.xml").toAbsolutePath(),
            OcaCommand.class.getName(),
            "worker");
    builder.environment().putAll(env);
    Path out = logs.resolve(name + ".out");
    Path err = logs.resolve(name + ".err");
    builder.redirectOutput(out.toFile());
    builder.redirectError(err.toFile());
    return new WorkerProcess(builder.start(), out, err);
  }

  /** SIGTERM: the graceful shutdown of {@code oca worker}. */
  public void terminate() {
    process.destroy();
  }

  /** SIGKILL: the process ends at once, mid-activity, without running any shutdown code. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the worker survived SIGKILL");
    }
  }

  /** The worker's identity in Temporal (the SDK's default, {@code pid@host}) starts with this. */
  public String identityPrefix() {
    return process.pid() + "@";
  }

  public boolean waitFor(long seconds) throws InterruptedException {
    return process.waitFor(seconds, TimeUnit.SECONDS);
  }

  public int exitValue() {
    return process.exitValue();
  }

  public String stdout() throws IOException {
    return Files.readString(out);
  }

  public String stderr() throws IOException {
    return Files.readString(err);
  }

  /** Kills the process if a test left it running. */
  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
