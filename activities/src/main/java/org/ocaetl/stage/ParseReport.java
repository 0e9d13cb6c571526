package org.ocaetl.stage;

import java.time.LocalDate;
import java.util.List;
import org.ocaetl.parse.ExtractDrift;
import org.ocaetl.parse.RejectedCase;

/**
 * What parsing one raw file into its staging database found.
 *
 * @param fileName base name of the raw zip
 * @param sha256 hex SHA-256 of the whole zip file
 * @param extractDate the RunDate element, or the name's date when it is missing (docs/processing-rules.md#rule-1)
 * @param warnings e.g. RunDate missing or disagreeing with the name
 * @param casesSeen Index elements read
 * @param casesStaged distinct case ids whose last occurrence is a converted non-delete version
 *     and that have no delete record in the file
 * @param casesDeleted distinct case ids with a delete record anywhere in the file (docs/processing-rules.md#rule-6)
 * @param casesFailed Index elements that could not be converted
 * @param failures the first {@link #FAILURE_SAMPLE} failures (all of them are in the staging file)
 * @param xmlBytes uncompressed size of the XML member
 * @param elapsedMillis wall time of the parse
 * @param drift element and attribute paths no column reads, and column paths a large file lacked
 */
public record ParseReport(
    String fileName,
    String sha256,
    LocalDate extractDate,
    List<String> warnings,
    long casesSeen,
    long casesStaged,
    long casesDeleted,
    long casesFailed,
    List<RejectedCase> failures,
    long xmlBytes,
    long elapsedMillis,
    ExtractDrift drift) {
  public static final int FAILURE_SAMPLE = 100;
}
