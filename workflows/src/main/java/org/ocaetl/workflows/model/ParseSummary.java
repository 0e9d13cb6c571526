package org.ocaetl.workflows.model;

import java.time.LocalDate;
import java.util.List;

/**
 * What parsing found (the full failure list stays in the worker's staging file and report.json).
 *
 * @param extractDate RunDate of the file, or the name's date when missing
 * @param parserVersion version of the parser
 * @param casesSeen Index elements read
 * @param casesStaged distinct ids whose last occurrence is a converted non-delete version and
 *     that have no delete record in the file
 * @param casesDeleted distinct ids with a delete record anywhere in the file (docs/processing-rules.md#rule-6)
 * @param casesFailed Index elements that could not be converted
 * @param failures the first failures, text capped in length
 * @param warnings e.g. RunDate missing or disagreeing with the name
 * @param xmlBytes uncompressed size of the XML member
 * @param elapsedMillis wall time of the parse
 * @param drift element paths the parser does not map, and column paths a large file lacked
 */
public record ParseSummary(
    LocalDate extractDate,
    int parserVersion,
    long casesSeen,
    long casesStaged,
    long casesDeleted,
    long casesFailed,
    List<CaseFailure> failures,
    List<String> warnings,
    long xmlBytes,
    long elapsedMillis,
    ExtractDrift drift) {

  /** Summaries of activities deployed before drift was reported have none. */
  public ParseSummary {
    drift = drift == null ? ExtractDrift.NONE : drift;
  }
}
