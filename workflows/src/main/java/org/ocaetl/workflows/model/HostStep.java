package org.ocaetl.workflows.model;

/**
 * Input of a staging step on a worker's own task queue. The worker keeps the file's raw zip,
 * DuckDB file and CSVs in its work folder under the file name, so the name is the reference.
 *
 * @param fileName base name of the raw zip
 * @param sha256 hex SHA-256 of the raw zip
 */
public record HostStep(String fileName, String sha256) {
  public static HostStep of(FileRequest request) {
    return new HostStep(request.fileName(), request.sha256());
  }
}
