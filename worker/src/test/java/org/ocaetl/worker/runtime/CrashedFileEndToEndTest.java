package org.ocaetl.worker.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.testing.PostgresDatabaseExtension;
import org.ocaetl.worker.cli.RunResultOutput;
import org.ocaetl.worker.testing.EndToEnd;
import org.ocaetl.worker.testing.Extracts;
import org.ocaetl.workflows.model.FileOutcome;
import org.ocaetl.workflows.model.RunResult;

/**
 * A file on which an activity crashes (an OutOfMemoryError, which Temporal reports as the file's
 * failure once its attempts are spent) makes {@code oca local} and {@code oca start --wait} exit
 * with 1, not with 3, the code of files and cases that failed on their content.
 */
class CrashedFileEndToEndTest {
  static final String GOOD = "LandlordTenant.Incr.2024-03-08.zip";
  static final String CRASHING = "LandlordTenant.Incr.2024-03-15.zip";

  @RegisterExtension
  static final PostgresDatabaseExtension postgres = new PostgresDatabaseExtension();

  @TempDir Path root;

  @Test
  void aFileThatRunsAnActivityOutOfMemoryExitsOne() throws Exception {
    try (EndToEnd e2e = new EndToEnd(postgres.database(), root)) {
      Extracts.write(e2e.inbox, GOOD, "2024-03-08", Extracts.live("A", "Bronx Housing Court"));
      Extracts.write(e2e.inbox, CRASHING, "2024-03-15", Extracts.live("B", "Kings Housing Court"));
      e2e.files.outOfMemoryOnParse = CRASHING;

      RunResult result = e2e.run("oca-run/crash");

      FileOutcome crashed = result.files().get(1);
      assertEquals(FileOutcome.Outcome.FAILED, crashed.outcome(), result.toString());
      assertTrue(crashed.reason().startsWith("java.lang.OutOfMemoryError: Java heap space"), crashed.reason());
      assertEquals(FileOutcome.Outcome.PROMOTED, result.files().get(0).outcome(), "the other file is applied");
      assertEquals(RunResultOutput.EXIT_RUN_FAILED, RunResultOutput.exitCode(result));
    }
  }
}
