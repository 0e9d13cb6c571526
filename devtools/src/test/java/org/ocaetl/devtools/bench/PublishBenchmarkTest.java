package org.ocaetl.devtools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.devtools.testing.DevCli;
import org.ocaetl.testing.PostgresDatabaseExtension;
import org.ocaetl.worker.testing.Cli;

/**
 * {@code oca bench --profile publish} publishes, run after run, the schema a (tiny) {@code --profile
 * full-history} left behind; it says nothing about speed here.
 */
class PublishBenchmarkTest {
  @RegisterExtension
  static final PostgresDatabaseExtension postgres = new PostgresDatabaseExtension();

  @Test
  void publishesTheFullHistorySchemaOnceARun(@TempDir Path work) throws Exception {
    Cli history = DevCli.run("bench", "--profile", "full-history", "--years", "1", "--initial-cases", "300",
        "--weeks", "1", "--cases", "60", "--database-url", postgres.jdbcUrl(), "--work-dir", work.toString());
    assertEquals(0, history.exitCode(), history.toString());

    Cli bench = DevCli.run("bench", "--profile", "publish", "--runs", "2",
        "--database-url", postgres.jdbcUrl(), "--work-dir", work.toString());

    assertEquals(0, bench.exitCode(), bench.toString());
    for (int run = 1; run <= 2; run++) {
      assertTrue(Pattern.compile("publish run " + run + ": \\d+ objects of schema oca_history_bench \\(data date \\d{4}-")
          .matcher(bench.out()).find(), bench.out());
    }
    assertTrue(bench.out().contains("publish: median "), bench.out());
    assertTrue(!Files.exists(work.resolve("publish")), "the published files are removed");
  }

  @Test
  @DisabledIfEnvironmentVariable(named = "OCA_DATABASE_URL", matches = ".+", disabledReason = "the default URL is set")
  void withoutADatabaseItIsAUsageError(@TempDir Path work) {
    Cli bench = DevCli.run("bench", "--profile", "publish", "--work-dir", work.toString());
    assertEquals(2, bench.exitCode(), bench.toString());
    assertTrue(bench.err().startsWith("--profile publish needs --database-url"), bench.err());
  }
}
