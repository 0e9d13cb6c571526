package org.ocaetl.promote;

/** What a file's record does to one case id (values of net_case.decision). */
enum CaseDecision {
  /** A case version that replaces the case's rows (docs/processing-rules.md#rule-4). */
  APPLY("apply"),
  /** A case version older than the case's updatedate (docs/processing-rules.md#rule-5). */
  SKIP_OLDER("skip_older"),
  /** A case version of a deleted id (docs/processing-rules.md#rule-6). */
  TOMBSTONED("tombstoned"),
  /** A delete record, wherever it stands in the file among versions of the id (docs/processing-rules.md#rule-6). */
  DELETE("delete");

  private final String sqlValue;

  CaseDecision(String sqlValue) {
    this.sqlValue = sqlValue;
  }

  static CaseDecision fromSql(String value) {
    for (CaseDecision d : values()) {
      if (d.sqlValue.equals(value)) {
        return d;
      }
    }
    throw new IllegalStateException("Unknown case decision " + value);
  }
}
