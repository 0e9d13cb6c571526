package org.ocaetl.activities;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ocaetl.parse.ExtractFileName;
import org.ocaetl.store.FileTrees;

/**
 * The worker-local folder of one file workflow execution: the fetched zip, the DuckDB staging
 * file, the parse report handed from parse to export, and the exported CSVs. Keyed by the file
 * workflow's id (one running execution per id; a restaging has an id of its own), so two
 * executions staging the same file on one worker never share files, and a later execution with
 * the same id starts from an emptied folder.
 */
record FileWorkFolder(Path dir) {
  /** Prefix of every work folder, so stale ones can be recognised and nothing else is deleted. */
  static final String PREFIX = "wf-";

  static FileWorkFolder of(Path workDir, String workflowId) {
    return new FileWorkFolder(workDir.resolve(PREFIX + workflowId.replaceAll("[^A-Za-z0-9.-]", "_")));
  }

  /** The fetched zip keeps its name: the parser reports it in messages and report.json. */
  Path rawZip(String fileName) {
    if (ExtractFileName.parse(fileName).isEmpty()) {
      throw new IllegalArgumentException("Not an extract file name: " + fileName);
    }
    return dir.resolve(fileName);
  }

  Path stagingDb() {
    return dir.resolve("staging.duckdb");
  }

  Path parseReport() {
    return dir.resolve("parse-report.json");
  }

  Path geocodeReport() {
    return dir.resolve("geocode.json");
  }

  Path exportDir() {
    return dir.resolve("export");
  }

  /** Empties the folder (a new attempt starts from nothing) and creates it. */
  FileWorkFolder recreate() throws IOException {
    delete();
    Files.createDirectories(dir);
    return this;
  }

  void delete() throws IOException {
    FileTrees.deleteTree(dir);
  }
}
