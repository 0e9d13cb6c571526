package org.ocaetl.generate;

/**
 * The hard cases of the processing rules that {@code --edge-cases} mixes into an extract, a few of
 * each, spread through the file. Each is a complete, otherwise normal case with one twist.
 */
public enum EdgeCase {
  /**
   * Array elements with commas, quotes, braces, backslashes, spaces, {@code NULL} and non-ASCII
   * letters (docs/processing-rules.md#rule-11).
   */
  ARRAY_SPECIAL_CHARACTERS(false, 3),
  /**
   * Escaped text: {@code &amp;}, {@code &lt;}, {@code &quot;}, numeric references such as {@code
   * &#233;} (docs/processing-rules.md#rule-9).
   */
  XML_ENTITIES(false, 3),
  /** Text in CDATA sections, including markup-like characters. */
  CDATA_TEXT(false, 3),
  /** A decision highlight of about 1 MB. */
  HUGE_HIGHLIGHT(false, 2),
  /** A judgment without warrants followed by one with warrants (docs/processing-rules.md#rule-12). */
  JUDGMENT_WITHOUT_WARRANTS_THEN_WITH(false, 3),
  /** The same id twice in one file; the second version differs and wins (docs/processing-rules.md#rule-4). */
  DUPLICATE_ID(false, 3),
  /** A case added and deleted in the same file (its delete record comes after the adds). */
  DELETE_AFTER_ADD(false, 3),
  /**
   * A delete record directly followed by an add of the same id (the delete is final: the add is not
   * applied, docs/processing-rules.md#rule-6).
   */
  ADD_AFTER_DELETE(false, 3),
  /**
   * A warrant whose first {@code PropertyOnWarrant} has no City (parallel arrays keep a NULL, rule
   * 11).
   */
  WARRANT_PROPERTY_WITHOUT_CITY(false, 3),
  /** An appearance outcome without {@code OutcomeBasedOnType} (docs/processing-rules.md#rule-13). */
  MISSING_OUTCOME_BASED_ON(false, 3),
  /**
   * Empty elements: {@code <Court/>}, {@code <Status/>}, {@code <State/>}, {@code <Events/>},
   * {@code <Creditors/>}.
   */
  EMPTY_ELEMENTS(false, 3),
  /** Whitespace-only values, kept as they are (docs/processing-rules.md#rule-9: no trimming). */
  WHITESPACE_VALUES(false, 3),
  /** {@code FiledDate} {@code 2025-02-30}: the case fails (docs/processing-rules.md#rule-8). */
  INVALID_DATE(true, 3),
  /** A motion {@code Sequence} of {@code two}: the case fails. */
  INVALID_INTEGER(true, 3),
  /** {@code WithPossession} {@code yes}: the case fails. */
  INVALID_BOOLEAN(true, 3),
  /** {@code TotalJudgmentAmount} {@code 12,50}: the case fails. */
  INVALID_AMOUNT(true, 3),
  /** An {@code Index} without {@code IndexNumberId}: the case fails. */
  MISSING_INDEX_NUMBER_ID(true, 3);

  private final boolean failsItsCase;
  private final int instancesPerFile;

  EdgeCase(boolean failsItsCase, int instancesPerFile) {
    this.failsItsCase = failsItsCase;
    this.instancesPerFile = instancesPerFile;
  }

  /** Whether a correct pipeline must reject this case (and only this case) under docs/processing-rules.md#rule-8. */
  public boolean failsItsCase() {
    return failsItsCase;
  }

  /** How many instances a file gets when it is large enough. */
  public int instancesPerFile() {
    return instancesPerFile;
  }
}
