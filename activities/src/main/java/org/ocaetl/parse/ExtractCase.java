package org.ocaetl.parse;


/** One {@code Index} element after conversion: staged rows, a delete record, or a failure. */
public sealed interface ExtractCase {
  /** The IndexNumberId, or null for a failed case without one. */
  String caseId();

  /** A converted case version; every value already has its column's Java type. */
  record Staged(String caseId, CaseRows rows) implements ExtractCase {}

  /** An Index with a {@code Delete} child. */
  record Deleted(String caseId) implements ExtractCase {}

  /**
   * A case that could not be converted (docs/processing-rules.md#rule-8); it contributes no rows.
   *
   * @param caseId the IndexNumberId, or null when it is missing or is itself the bad value (then
   *     the failure reports it cut short, and no record of the file can refer to it)
   */
  record Failed(String caseId, RejectedCase failure, int line) implements ExtractCase {}
}
