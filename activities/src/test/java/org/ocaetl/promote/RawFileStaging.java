package org.ocaetl.promote;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ocaetl.model.OcaTable;
import org.ocaetl.parse.ExtractFileException;
import org.ocaetl.stage.ExtractParser;
import org.ocaetl.stage.ParseProgress;
import org.ocaetl.stage.ParseReport;
import org.ocaetl.stage.StagingExporter;
import org.ocaetl.stage.StagingLimits;
import org.ocaetl.store.ObjectStore;
import org.ocaetl.store.StoreKeys;

/**
 * Stages a raw zip the way a file workflow does (parse into DuckDB, export the twelve CSVs, upload
 * them under the file's staging prefix), so a test can promote what the real parser and exporter
 * made of an extract rather than a hand-written fixture.
 */
final class RawFileStaging {
  private RawFileStaging() {}

  /** A staged raw file: what the parse reported and the promotion input. */
  record Staged(ParseReport parse, StagedFile file) {}

  static Staged stage(Path zip, Path workDir, ObjectStore store) throws ExtractFileException, IOException {
    Path dir = Files.createTempDirectory(workDir, "stage-");
    StagingLimits limits = StagingLimits.defaults(dir.resolve("tmp"));
    Path db = dir.resolve("staging.duckdb");
    Path out = dir.resolve("out");
    ParseReport parse = new ExtractParser(limits).parse(zip, db, ParseProgress.NONE);
    new StagingExporter(limits).export(db, out, parse);
    String fileName = zip.getFileName().toString();
    for (OcaTable table : OcaTable.values()) {
      store.put(StoreKeys.stagedCsv(fileName, table), out.resolve(table.csvName()), "text/csv");
    }
    return new Staged(parse, new StagedFile(fileName, parse.extractDate(), parse.sha256()));
  }
}
