package org.ocaetl.devtools.bench;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.ocaetl.db.DatabaseUrl;
import org.ocaetl.db.SqlIdentifier;
import org.ocaetl.db.SqlResource;
import org.ocaetl.discover.RawInbox;
import org.ocaetl.discover.RawInboxes;
import org.ocaetl.metrics.PipelineMetrics;
import org.ocaetl.store.FileTrees;
import org.ocaetl.store.ObjectStore;
import org.ocaetl.store.ObjectStores;
import org.ocaetl.devtools.local.LocalRun;
import org.ocaetl.worker.runtime.WorkerBootstrap;
import org.ocaetl.worker.runtime.WorkerConfig;
import org.ocaetl.workflows.model.RunRequest;
import org.ocaetl.workflows.model.RunResult;

/**
 * {@code oca bench --profile full-history}: a full reprocess after an incident. Generates one
 * Initial file per filed year (2016-2025 by default) and a year of chained weekly incrementals
 * (updates and deletes of earlier cases), then runs the whole pipeline over all of them in one
 * run, as {@code oca local} does, into an empty schema: staging of every file, one promotion
 * transaction, the complete public snapshot. Then one more weekly file is run against the full
 * database. Prints wall time per stage, cases/s and the process's peak RSS.
 */
public final class FullHistoryBenchmark {
  static final String SCHEMA = "oca_history_bench";
  private static final int FIRST_FILED_YEAR = 2016;
  private static final List<String> STAGES =
      List.of("fetch", "parse", "export", "geocode", "upload", "promote", "publish");

  private final BenchSetup setup;
  private final PrintWriter out;

  public FullHistoryBenchmark(BenchSetup setup) {
    this.setup = setup;
    this.out = setup.out();
  }

  public void run(int years, int casesPerInitial, int weeks, int casesPerWeek, int parallel) throws Exception {
    Path root = Files.createDirectories(setup.work().resolve("full-history"));
    Path raw = root.resolve("raw");
    long generating = System.nanoTime();
    Path last = null;
    for (int year = FIRST_FILED_YEAR; year < FIRST_FILED_YEAR + years; year++) {
      last = BenchExtracts.initial(raw, year, casesPerInitial);
    }
    LocalDate runDate = BenchExtracts.INITIAL_RUN_DATE;
    for (int week = 1; week <= weeks; week++) {
      runDate = runDate.plusWeeks(1);
      last = BenchExtracts.weekly(raw, runDate, casesPerWeek, last);
    }
    out.printf(Locale.ROOT, "inputs: %d Initial files of %,d cases, %d weekly files of %,d cases (%s, %.0f s to generate"
        + " or find)%n", years, casesPerInitial, weeks, casesPerWeek, raw, seconds(generating));
    out.printf(Locale.ROOT, "JVM max heap %s, DuckDB memory_limit %s shared by the %d files staged at once,"
        + " %d cores, load average %s%n", ProcessMemory.mib(OptionalLong.of(Runtime.getRuntime().maxMemory())),
        setup.limits().memoryLimit(), parallel, Runtime.getRuntime().availableProcessors(), ProcessMemory.loadAverage());
    out.flush();

    try (LocalRun local = LocalRun.start(setup.databaseUrl(), root, setup.err())) {
      String url = local.databaseUrl();
      // A full reprocess starts from nothing: no schema, no store (its archive would hand the
      // previous bench's extra weekly file to this run as a pending file), no work folders.
      dropSchema(url);
      FileTrees.deleteTree(root.resolve("store"));
      FileTrees.deleteTree(root.resolve("work"));
      WorkerConfig.Builder config = setup.config(url, SCHEMA, root, raw).parallelism(parallel);
      report("full history", timedRun(local, config.build()));

      Path extra = root.resolve("raw-extra");
      BenchExtracts.weekly(extra, runDate.plusWeeks(1), casesPerWeek, last);
      report("one more weekly file into the full database", timedRun(local, config.inbox(extra).build()));
    }
    out.printf(Locale.ROOT, "peak RSS of the whole process: %s; load average at the end %s%n",
        ProcessMemory.mib(ProcessMemory.peakRss()), ProcessMemory.loadAverage());
  }

  private record Measured(RunResult result, double seconds, Map<String, Timer> stages) {}

  private Measured timedRun(LocalRun local, WorkerConfig config) throws IOException {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    Map<String, String> env = System.getenv();
    long started = System.nanoTime();
    RunResult result;
    try (ObjectStore store = ObjectStores.open(config.storeUri(), env);
        RawInbox inbox = RawInboxes.open(config.inboxUri(), env)) {
      result = local.execute(
          config,
          WorkerBootstrap.Activities.production(config, store, inbox, new PipelineMetrics(registry)),
          RunRequest.of(null, config.parallelism()));
    }
    double seconds = seconds(started);
    Map<String, Timer> stages = new LinkedHashMap<>();
    for (String stage : STAGES) {
      Timer t = registry.find("oca.stage.duration").tag("stage", stage).timer();
      if (t != null) {
        stages.put(stage, t);
      }
    }
    return new Measured(result, seconds, stages);
  }

  private void report(String what, Measured m) {
    RunResult r = m.result();
    out.printf(Locale.ROOT, "%s: %d files promoted (%d failed), %,d cases + %,d deletes in %.1f s end to end:"
            + " %,.0f cases/s%s%n", what, r.filesPromoted(), r.filesFailed(), r.casesStaged(), r.casesDeleted(),
        m.seconds(), (r.casesStaged() + r.casesDeleted()) / m.seconds(),
        r.published() ? "" : "; NOT published: " + r.publishError());
    m.stages().forEach((stage, t) -> out.printf(Locale.ROOT, "  %-8s %3d times, total %8.1f s, mean %7.2f s%n",
        stage, t.count(), t.totalTime(TimeUnit.SECONDS), t.mean(TimeUnit.SECONDS)));
    out.println("  (per-file stages run in parallel: their totals are file-seconds, not wall time; promote and"
        + " publish are PostgreSQL time: one transaction, one snapshot)");
    out.flush();
  }

  private static void dropSchema(String url) throws SQLException {
    try (Connection c = DatabaseUrl.parse(url).getConnection();
        Statement st = c.createStatement()) {
      st.execute(SqlResource.of("sql/bench/drop_schema.sql").with("schema", SqlIdentifier.of(SCHEMA)).render());
    }
  }

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }
}
