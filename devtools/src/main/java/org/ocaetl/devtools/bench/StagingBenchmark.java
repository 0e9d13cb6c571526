package org.ocaetl.devtools.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ocaetl.parse.ExtractFileException;
import org.ocaetl.stage.ExportReport;
import org.ocaetl.stage.ExtractParser;
import org.ocaetl.stage.ParseProgress;
import org.ocaetl.stage.ParseReport;
import org.ocaetl.stage.StagingExporter;
import org.ocaetl.stage.StagingLimits;
import org.ocaetl.store.FileTrees;

/** Times parse + stage + export of one raw file, as the child workflow's activities run them. */
final class StagingBenchmark {
  private final StagingLimits limits;

  StagingBenchmark(StagingLimits limits) {
    this.limits = limits;
  }

  /** One measured run in a fresh work folder (deleted afterwards). */
  StagingRun run(Path zip, Path workRoot) throws IOException, ExtractFileException {
    Path work = Files.createTempDirectory(workRoot, "bench-");
    try {
      long cpuStart = ProcessMemory.cpuNanos();
      long start = System.nanoTime();
      ParseReport parse =
          new ExtractParser(limits).parse(zip, work.resolve("staging.duckdb"), ParseProgress.NONE);
      long parsed = System.nanoTime();
      ExportReport export =
          new StagingExporter(limits).export(work.resolve("staging.duckdb"), work.resolve("out"), parse);
      long exported = System.nanoTime();
      long cpu = ProcessMemory.cpuNanos() - cpuStart;
      long rows = export.rowsPerTable().values().stream().mapToLong(Long::longValue).sum();
      return new StagingRun(
          parse.casesSeen(),
          parse.xmlBytes(),
          rows,
          (parsed - start) / 1e9,
          (exported - parsed) / 1e9,
          cpu / 1e9);
    } finally {
      FileTrees.deleteTree(work);
    }
  }

  /**
   * Figures of one run. {@code cpuSeconds} is the CPU time of the whole process (all threads,
   * including DuckDB's, the JIT and the GC) during the run: on a machine shared with other work it
   * varies far less than the wall time.
   */
  record StagingRun(
      long cases,
      long xmlBytes,
      long rows,
      double parseSeconds,
      double exportSeconds,
      double cpuSeconds) {
    double totalSeconds() {
      return parseSeconds + exportSeconds;
    }

    double casesPerSecond() {
      return cases / totalSeconds();
    }

    double xmlMegabytesPerSecond() {
      return xmlBytes / 1e6 / totalSeconds();
    }
  }
}
