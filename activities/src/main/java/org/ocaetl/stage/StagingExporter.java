package org.ocaetl.stage;

import java.io.IOException;
import java.nio.file.Path;

/** Writes the PostgreSQL-ready CSVs and report.json of a staging database. */
public final class StagingExporter {
  private final StagingLimits limits;

  public StagingExporter(StagingLimits limits) {
    this.limits = limits;
  }

  /**
   * Writes {@code <table>.csv} for all twelve tables and {@code report.json} (the parse report plus
   * every failure, rows per table, timings) into {@code outDir}.
   */
  public ExportReport export(Path stagingDb, Path outDir, ParseReport parse) throws IOException {
    throw new UnsupportedOperationException("API skeleton: implemented in the parse work " + limits);
  }
}
