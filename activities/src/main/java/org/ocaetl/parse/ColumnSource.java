package org.ocaetl.parse;

/** Where one staged column takes its value from, relative to the element of its row. */
sealed interface ColumnSource {
  /** The case's IndexNumberId. */
  record CaseId() implements ColumnSource {}

  /**
   * A scalar (docs/processing-rules.md#rule-9): the text of the first direct child {@code element}, unchanged, converted to
   * the column's type; missing or empty is NULL.
   */
  record ChildValue(String element) implements ColumnSource {}

  /**
   * An array (docs/processing-rules.md#rule-11): for every {@code item} at any depth under the first direct child {@code
   * container}, the text of its first direct child {@code leaf}. Missing or empty texts are
   * skipped; no text at all is NULL.
   */
  record TextList(String container, String item, String leaf) implements ColumnSource {}

  /**
   * A parallel array (docs/processing-rules.md#rule-11, warrant properties): like {@link TextList}, but a missing or empty
   * text is a NULL element so the three arrays stay aligned; NULL only when there is no item.
   */
  record ParallelTextList(String container, String item, String leaf) implements ColumnSource {}

  /** Filled by {@link CaseConverter} from the enclosing structure (appearanceid, judgmentsequence). */
  record Derived() implements ColumnSource {}
}
