package org.ocaetl.stage;

import java.io.IOException;
import java.nio.file.Path;

/** Streams a raw zip's LandlordTenantExtract.xml into a DuckDB staging file. */
public final class ExtractParser {
  private final StagingLimits limits;

  public ExtractParser(StagingLimits limits) {
    this.limits = limits;
  }

  /**
   * Parses {@code zip} into a new staging database at {@code stagingDb} (replaced if it exists, so
   * a retried attempt restarts cleanly).
   */
  public ParseReport parse(Path zip, Path stagingDb, ParseProgress progress)
      throws ExtractFileException, IOException {
    throw new UnsupportedOperationException("API skeleton: implemented in the parse work " + limits);
  }
}
