package org.ocaetl.devtools.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ocaetl.db.DatabaseUrl;
import org.ocaetl.schema.PromotedFiles;
import org.ocaetl.schema.SchemaMigrator;
import org.ocaetl.devtools.local.LocalRun;
import org.ocaetl.worker.runtime.WorkerConfig;
import org.ocaetl.workflows.model.RunRequest;
import org.ocaetl.workflows.model.RunResult;

/**
 * The weekly run measured end to end, as {@code oca local} runs it (Temporal's in-process server,
 * the production workflows and activities, PostgreSQL), against a database that already holds a
 * realistic history. The history is loaded once through the same pipeline and kept between bench
 * runs; every measured week is a new incremental dated after the newest promoted file.
 */
public final class EndToEndBenchmark {
  private static final String SCHEMA = "oca_bench";
  private static final int CASES_PER_INITIAL_FILE = 250_000;
  private static final int FIRST_FILED_YEAR = 2016;

  private final BenchSetup setup;
  private final PrintWriter out;

  public EndToEndBenchmark(BenchSetup setup) {
    this.setup = setup;
    this.out = setup.out();
  }

  /** Loads {@code baseCases} (once), then measures {@code weeks} weekly runs of {@code weeklyCases}. */
  public void run(int baseCases, int weeklyCases, int weeks) throws Exception {
    Path root = Files.createDirectories(setup.work().resolve("end-to-end"));
    try (LocalRun local = LocalRun.start(setup.databaseUrl(), root, setup.err())) {
      String url = local.databaseUrl();
      SchemaMigrator.migrate(DatabaseUrl.parse(url), SCHEMA, setup.postgis());
      PromotedFiles ledger = new PromotedFiles(DatabaseUrl.parse(url), SCHEMA);

      List<Path> base = generateBase(root.resolve("raw-base"), baseCases);
      Map<String, PromotedFiles.PromotedFile> promoted = ledger.all();
      if (!base.stream().allMatch(f -> promoted.containsKey(f.getFileName().toString()))) {
        double seconds = timedRun(local, url, root, root.resolve("raw-base")).seconds();
        out.printf(Locale.ROOT, "history: %,d cases in %d Initial files loaded in %.1f s%n", baseCases, base.size(), seconds);
      } else {
        out.printf(Locale.ROOT, "history: %,d cases already loaded (%d files)%n", baseCases, base.size());
      }

      Path previous = base.getLast();
      for (int week = 1; week <= weeks; week++) {
        LocalDate runDate = ledger.latestExtractDate().orElse(BenchExtracts.INITIAL_RUN_DATE).plusWeeks(1);
        Path inbox = Files.createDirectories(root.resolve("raw-week-" + runDate));
        Path weekly = BenchExtracts.weekly(inbox, runDate, weeklyCases, previous);
        Timed timed = timedRun(local, url, root, inbox);
        out.printf(
            Locale.ROOT,
            "weekly run %d: %s (%,d cases, %,d deletes) promoted into the history in %.2f s end to end%s%n",
            week,
            weekly.getFileName(),
            timed.result().casesStaged(),
            timed.result().casesDeleted(),
            timed.seconds(),
            timed.result().filesPromoted() == 1 ? "" : " — NOT promoted: " + timed.result());
        out.flush();
        previous = weekly;
      }
    }
  }

  private record Timed(RunResult result, double seconds) {}

  private Timed timedRun(LocalRun local, String url, Path root, Path inbox) throws IOException {
    WorkerConfig config = setup.config(url, SCHEMA, root, inbox).build();
    long start = System.nanoTime();
    RunResult result = local.execute(config, RunRequest.of(null, config.parallelism()), System.getenv());
    return new Timed(result, (System.nanoTime() - start) / 1e9);
  }

  /** Initial files of 250,000 cases for filed years from 2016 on; deterministic, so kept across runs. */
  private List<Path> generateBase(Path dir, int baseCases) throws IOException {
    List<Path> files = new ArrayList<>();
    int year = FIRST_FILED_YEAR;
    for (int left = baseCases; left > 0; left -= CASES_PER_INITIAL_FILE, year++) {
      files.add(BenchExtracts.initial(dir, year, Math.min(left, CASES_PER_INITIAL_FILE)));
    }
    return files;
  }
}
