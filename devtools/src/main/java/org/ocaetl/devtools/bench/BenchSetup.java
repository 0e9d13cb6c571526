package org.ocaetl.devtools.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.ocaetl.db.PostgisMode;
import org.ocaetl.db.SchemaSetup;
import org.ocaetl.stage.StagingLimits;
import org.ocaetl.worker.runtime.WorkerConfig;

/**
 * What the end-to-end benchmarks share: where they run and with which limits.
 *
 * @param databaseUrl the PostgreSQL to use, or null for an embedded one under {@code work}
 * @param work the folder of generated files, store and work folders
 * @param limits DuckDB limits of the staging databases
 * @param postgis whether the bench schema uses PostGIS (--postgis)
 * @param out where results go
 * @param err where progress goes
 */
public record BenchSetup(
    String databaseUrl, Path work, StagingLimits limits, PostgisMode postgis, PrintWriter out, PrintWriter err) {

  /** The configuration of a run over {@code inbox} into {@code schema}, with store and work under {@code root}. */
  WorkerConfig.Builder config(String url, String schema, Path root, Path inbox) {
    return WorkerConfig.builder()
        .databaseUrl(url)
        .schema(schema)
        .store(root.resolve("store"))
        .inbox(inbox)
        .workDir(root.resolve("work"))
        .stagingLimits(limits)
        .schemaSetup(new SchemaSetup(postgis, List.of()));
  }
}
