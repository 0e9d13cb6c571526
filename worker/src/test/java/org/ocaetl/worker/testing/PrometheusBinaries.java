package org.ocaetl.worker.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's {@code prometheus} package ({@code /usr/bin/prometheus}, {@code /usr/bin/promtool}),
 * which {@code .ci/run} installs: a test that needs it fails in CI ({@code CI=true}) when it is
 * missing, and is skipped elsewhere.
 */
public final class PrometheusBinaries {
  private PrometheusBinaries() {}

  /** The binary, or the test aborts (fails in CI). */
  public static Path require(String name) {
    Path binary = Path.of("/usr/bin", name);
    if (!Files.isExecutable(binary)) {
      String why = binary + " is missing: install Debian's prometheus package";
      assertTrue(!"true".equals(System.getenv("CI")), why);
      Assumptions.abort(why);
    }
    return binary;
  }

  /** What a run of {@code command} printed (stdout and stderr together) and its exit code. */
  public record Run(int exitCode, String output) {}

  /** Runs {@code command} in {@code directory} to its end (at most a minute). */
  public static Run run(Path directory, String... command) throws Exception {
    Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(process.waitFor(1, TimeUnit.MINUTES), String.join(" ", command) + " ended");
    return new Run(process.exitValue(), output);
  }
}
