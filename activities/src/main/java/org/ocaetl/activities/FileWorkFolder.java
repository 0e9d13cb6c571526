package org.ocaetl.activities;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.ocaetl.parse.ExtractFileName;

/**
 * The worker-local folder of one file workflow execution: the fetched zip, the DuckDB staging
 * file, the parse report handed from parse to export, and the exported CSVs. Keyed by the file
 * workflow's run id, so two executions staging the same file on one worker never share files.
 */
record FileWorkFolder(Path dir) {

  static FileWorkFolder of(Path workDir, String workflowRunId) {
    if (!workflowRunId.matches("[A-Za-z0-9-]+")) {
      throw new IllegalArgumentException("Unexpected run id: " + workflowRunId);
    }
    return new FileWorkFolder(workDir.resolve(workflowRunId));
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
    deleteTree(dir);
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
