package org.ocaetl.workflows.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A staged file: its CSVs and report.json are under {@code StoreKeys.staging(fileName)}.
 *
 * @param fileName base name of the raw zip
 * @param extractDate RunDate of the file (docs/processing-rules.md#rule-1)
 * @param sha256 hex SHA-256 of the raw zip
 * @param parserVersion version of the parser that staged it
 * @param rowsPerTable staged rows per table name, in table order
 * @param casesSeen Index elements read
 * @param casesStaged distinct ids whose last occurrence is a converted non-delete version and
 *     that have no delete record in the file
 * @param casesDeleted distinct ids with a delete record anywhere in the file (docs/processing-rules.md#rule-6)
 * @param casesFailed Index elements that could not be converted
 * @param failures the first failures (all of them are in the uploaded report.json)
 * @param stageMillis wall time per stage (parse, export, geocode, upload)
 * @param warnings e.g. RunDate missing or disagreeing with the name
 * @param addressesGeocoded addresses the geocoder resolved (0 with the "none" geocoder)
 * @param drift element paths the parser does not map, and column paths a large file lacked
 */
public record FileResult(
    String fileName,
    LocalDate extractDate,
    String sha256,
    int parserVersion,
    Map<String, Long> rowsPerTable,
    long casesSeen,
    long casesStaged,
    long casesDeleted,
    long casesFailed,
    List<CaseFailure> failures,
    Map<String, Long> stageMillis,
    List<String> warnings,
    long addressesGeocoded,
    ExtractDrift drift) {

  /** Results (and report.json files) from before drift was reported have none. */
  public FileResult {
    drift = drift == null ? ExtractDrift.NONE : drift;
  }
}
