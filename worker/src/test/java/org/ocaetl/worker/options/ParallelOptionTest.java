package org.ocaetl.worker.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.worker.testing.Cli;
import org.ocaetl.worker.testing.FakeFrontend;

/** {@code --parallel} is one option: the same check and message in every command that has it. */
class ParallelOptionTest {

  @Test
  void belowOneIsAUsageErrorNamingTheFlagInEveryCommand(@TempDir Path root) throws Exception {
    try (FakeFrontend frontend = FakeFrontend.plain()) {
      List<List<String>> commands = List.of(
          List.of("worker", "--database-url", "postgresql://db/oca", "--store", root.resolve("store").toString(),
              "--inbox", root.resolve("inbox").toString()),
          List.of("start"),
          List.of("schedule", "apply"),
          List.of("backfill", "replay", "*2024-*"));
      for (List<String> command : commands) {
        List<String> args = new ArrayList<>(command);
        args.addAll(List.of("--parallel", "0", "--temporal-address", frontend.address()));
        Cli run = Cli.run(args.toArray(String[]::new));
        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().startsWith("--parallel must be at least 1"), command + ": " + run.err());
      }
      assertTrue(frontend.requests.isEmpty(), "nothing reached Temporal");
    }
  }
}
