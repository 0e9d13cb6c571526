package org.ocaetl.stage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ocaetl.model.OcaTable;
import org.ocaetl.parse.ExtractFileException;

/** A raw zip parsed and exported into a directory, as the tests inspect it. */
record StagedFile(ParseReport parse, ExportReport export, Path outDir) {

  static StagedFile of(Path zip, Path workDir) throws ExtractFileException, IOException {
    StagingLimits limits = new StagingLimits("256MB", 1, workDir.resolve("duck-tmp"));
    Path outDir = workDir.resolve("out");
    Path db = workDir.resolve("staging.duckdb");
    ParseReport parse = new ExtractParser(limits).parse(zip, db, ParseProgress.NONE);
    ExportReport export = new StagingExporter(limits).export(db, outDir, parse);
    return new StagedFile(parse, export, outDir);
  }

  /** The lines of a table's CSV, header first. */
  List<String> lines(OcaTable table) throws IOException {
    return Files.readAllLines(outDir.resolve(table.csvName()), StandardCharsets.UTF_8);
  }

  /** The data lines of a table's CSV. */
  List<String> rows(OcaTable table) throws IOException {
    List<String> lines = lines(table);
    return lines.subList(1, lines.size());
  }

  String csv(OcaTable table) throws IOException {
    return Files.readString(outDir.resolve(table.csvName()), StandardCharsets.UTF_8);
  }
}
