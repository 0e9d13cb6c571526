package org.ocaetl.devtools.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.ocaetl.db.DatabaseUrl;
import org.ocaetl.db.Grant;
import org.ocaetl.publish.ParquetSettings;
import org.ocaetl.publish.PublicSnapshot;
import org.ocaetl.publish.SnapshotResult;
import org.ocaetl.publish.StoreRelationExporter;
import org.ocaetl.store.FileTrees;
import org.ocaetl.store.LocalObjectStore;

/**
 * {@code oca bench --profile publish}: the publish alone, of the schema {@code --profile
 * full-history} leaves behind ({@value FullHistoryBenchmark#SCHEMA}), into an empty folder store,
 * with the worker's limits (two export connections, each Parquet file's DuckDB at half the staging
 * budget). The data does not change between runs, so two builds can be measured on the same full
 * database one after the other, without loading it again (docs/benchmarks.md).
 */
final class PublishBenchmark {
  private final BenchSetup setup;
  private final PrintWriter out;

  PublishBenchmark(BenchSetup setup) {
    this.setup = setup;
    this.out = setup.out();
  }

  void run(int runs) throws Exception {
    DataSource database = DatabaseUrl.parse(setup.databaseUrl());
    Path root = setup.work().resolve("publish");
    ParquetSettings parquet = new ParquetSettings(setup.limits().sharedBy(2).memoryLimit(), root.resolve("work"));
    List<Double> seconds = new ArrayList<>();
    for (int i = 1; i <= runs; i++) {
      FileTrees.deleteTree(root);
      LocalObjectStore store = new LocalObjectStore(Files.createDirectories(root.resolve("store")));
      long started = System.nanoTime();
      SnapshotResult result = new PublicSnapshot(
          database, store, List.<Grant>of(), new StoreRelationExporter(store), parquet).publish(FullHistoryBenchmark.SCHEMA);
      seconds.add((System.nanoTime() - started) / 1e9);
      out.printf(Locale.ROOT, "publish run %d: %d objects of schema %s (data date %s) in %.1f s%n",
          i, result.rowsPerObject().size(), FullHistoryBenchmark.SCHEMA, result.dataDate(), seconds.getLast());
      out.flush();
    }
    FileTrees.deleteTree(root);
    out.printf(Locale.ROOT, "publish: median %.1f s of %d runs; peak RSS of the whole process: %s%n",
        seconds.stream().sorted().toList().get((seconds.size() - 1) / 2), runs, ProcessMemory.mib(ProcessMemory.peakRss()));
  }
}
