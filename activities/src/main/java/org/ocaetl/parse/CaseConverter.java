package org.ocaetl.parse;

import java.util.ArrayList;
import java.util.List;
import org.ocaetl.model.Column;

/**
 * Converts one {@code Index} tree into typed rows (docs/processing-rules.md#rule-8, #rule-9, #rule-10, #rule-11, #rule-12, #rule-13), entirely in Java and before
 * anything is staged: either every row of the case converts, or the case fails alone with the
 * element, value and reason of its first bad value and contributes no rows. A value longer than
 * its column's limit (docs/column-limits.md) is a bad value, so that no single case can overflow an
 * index or the CSV path and stop the promotion of every other case.
 *
 * <p>Loops over elements are indexed: this runs for every row of the file, and the iterators of
 * for-each loops were a visible part of the parse thread's allocations.
 *
 * <p>Not thread-safe (one per parse).
 */
public final class CaseConverter {
  private static final String CASE_ID = "IndexNumberId";
  private static final int MAX_CASE_ID_LENGTH =
      CaseMappings.INDEX.table().column("indexnumberid").maxLength();

  private static final int APPEARANCE_ID = CaseMappings.APPEARANCES.columnIndex("appearanceid");
  private static final int OUTCOME_APPEARANCE_ID = CaseMappings.OUTCOMES.columnIndex("appearanceid");
  private static final int JUDGMENT_SEQUENCE = CaseMappings.JUDGMENTS.columnIndex("sequence");
  private static final int WARRANT_JUDGMENT_SEQUENCE =
      CaseMappings.WARRANTS.columnIndex("judgmentsequence");

  /** Groups whose rows need nothing from an enclosing row (unlike outcomes and warrants). */
  private static final List<TableMapping> FLAT_GROUPS =
      List.of(
          CaseMappings.CAUSES,
          CaseMappings.ADDRESSES,
          CaseMappings.PARTIES,
          CaseMappings.EVENTS,
          CaseMappings.MOTIONS,
          CaseMappings.DECISIONS);

  private final AppearanceIds appearanceIds = new AppearanceIds();

  /** Why {@code caseId} is over its column's limit, or null when it is within it. */
  private static InvalidValueException idOverLimit(String caseId) {
    try {
      StrictValues.bounded(caseId, MAX_CASE_ID_LENGTH);
      return null;
    } catch (InvalidValueException e) {
      return e;
    }
  }

  /** Converts an {@code Index} element. */
  public ExtractCase convert(ParsedElement index) {
    String caseId = index.childText(CASE_ID);
    // An id over its limit is not an id any record can refer to, and is never echoed whole: it is
    // reported cut short (docs/processing-rules.md#rule-8).
    InvalidValueException idTooLong = caseId == null ? null : idOverLimit(caseId);
    String usableId = idTooLong == null ? caseId : null;
    String reportedId = idTooLong == null ? caseId : FailureValues.reportable(CASE_ID, caseId);
    CaseTooLarge tooLarge = index.size() == null ? null : index.size().tooLarge();
    if (tooLarge != null) { // only its id was kept: it fails alone (docs/processing-rules.md#rule-8)
      String reason = "case too large: " + tooLarge.reason() + " (line " + tooLarge.line() + ")";
      return new ExtractCase.Failed(
          usableId, new RejectedCase(reportedId, tooLarge.element(), null, reason), tooLarge.line());
    }
    if (caseId == null) {
      return new ExtractCase.Failed(
          null,
          new RejectedCase(null, CASE_ID, null, "missing IndexNumberId (line " + index.line() + ")"),
          index.line());
    }
    if (idTooLong != null) {
      int line = index.firstChild(CASE_ID).line();
      String reason = idTooLong.getMessage() + " (line " + line + ")";
      return new ExtractCase.Failed(null, new RejectedCase(reportedId, CASE_ID, reportedId, reason), line);
    }
    if (index.firstChild("Delete") != null) {
      return new ExtractCase.Deleted(caseId);
    }
    try {
      return new ExtractCase.Staged(caseId, rows(caseId, index));
    } catch (BadValue bad) {
      String value = FailureValues.reportable(bad.element, bad.value);
      return new ExtractCase.Failed(
          caseId,
          new RejectedCase(caseId, bad.element, value, bad.reason + " (line " + bad.line + ")"),
          bad.line);
    }
  }

  private CaseRows rows(String caseId, ParsedElement index) throws BadValue {
    CaseRows rows = new CaseRows();
    rows.add(CaseMappings.INDEX.table(), row(CaseMappings.INDEX, index, caseId));
    for (TableMapping simple : FLAT_GROUPS) {
      List<ParsedElement> items = items(simple, index);
      for (int i = 0; i < items.size(); i++) {
        rows.add(simple.table(), row(simple, items.get(i), caseId));
      }
    }

    List<ParsedElement> appearances = items(CaseMappings.APPEARANCES, index);
    for (int a = 0; a < appearances.size(); a++) {
      ParsedElement appearance = appearances.get(a);
      Object[] row = row(CaseMappings.APPEARANCES, appearance, caseId);
      long appearanceId = appearanceIds.of(caseId, a + 1);
      row[APPEARANCE_ID] = appearanceId;
      rows.add(CaseMappings.APPEARANCES.table(), row);
      List<ParsedElement> outcomes = items(CaseMappings.OUTCOMES, appearance);
      for (int o = 0; o < outcomes.size(); o++) {
        Object[] outcomeRow = row(CaseMappings.OUTCOMES, outcomes.get(o), caseId);
        outcomeRow[OUTCOME_APPEARANCE_ID] = appearanceId;
        rows.add(CaseMappings.OUTCOMES.table(), outcomeRow);
      }
    }

    // Every warrant of every judgment: a judgment without warrants never stops later ones (docs/processing-rules.md#rule-12).
    List<ParsedElement> judgments = items(CaseMappings.JUDGMENTS, index);
    for (int j = 0; j < judgments.size(); j++) {
      ParsedElement judgment = judgments.get(j);
      Object[] row = row(CaseMappings.JUDGMENTS, judgment, caseId);
      rows.add(CaseMappings.JUDGMENTS.table(), row);
      List<ParsedElement> warrants = items(CaseMappings.WARRANTS, judgment);
      for (int w = 0; w < warrants.size(); w++) {
        Object[] warrantRow = row(CaseMappings.WARRANTS, warrants.get(w), caseId);
        warrantRow[WARRANT_JUDGMENT_SEQUENCE] = row[JUDGMENT_SEQUENCE];
        rows.add(CaseMappings.WARRANTS.table(), warrantRow);
      }
    }
    return rows;
  }

  /** Every {@code item} at any depth under the first direct child {@code container} of the parent. */
  private static List<ParsedElement> items(TableMapping mapping, ParsedElement parent) {
    ParsedElement container = parent.firstChild(mapping.container());
    return container == null ? List.of() : container.descendants(mapping.item());
  }

  private static Object[] row(TableMapping mapping, ParsedElement element, String caseId)
      throws BadValue {
    List<Column> columns = mapping.columns();
    List<ColumnSource> sources = mapping.sources();
    Object[] row = new Object[columns.size()];
    for (int i = 0; i < row.length; i++) {
      row[i] =
          switch (sources.get(i)) {
            case ColumnSource.CaseId id -> caseId;
            case ColumnSource.ChildValue child -> childValue(mapping, element, child, columns.get(i));
            case ColumnSource.TextList list -> textList(mapping, element, list, columns.get(i));
            case ColumnSource.ParallelTextList list ->
                parallelTextList(mapping, element, list, columns.get(i));
            case ColumnSource.Derived derived -> null;
          };
    }
    return row;
  }

  private static Object childValue(
      TableMapping mapping, ParsedElement element, ColumnSource.ChildValue source, Column column)
      throws BadValue {
    ParsedElement child = element.firstChild(source.element());
    String text = child == null ? null : child.text();
    if (text == null) {
      return null;
    }
    try {
      if (column.maxLength() != Column.FIXED_FORMAT) {
        StrictValues.bounded(text, column.maxLength());
      }
      return switch (column.type()) {
        case TEXT -> text;
        case NUMERIC -> StrictValues.numeric(text);
        case DATE -> StrictValues.date(text);
        case TIMESTAMP -> StrictValues.timestamp(text);
        case INT -> StrictValues.integer(text);
        case BOOLEAN -> StrictValues.bool(text);
        case BIGINT, REAL, TEXT_ARRAY ->
            throw new IllegalStateException(column + " cannot come from one element");
      };
    } catch (InvalidValueException e) {
      throw new BadValue(path(mapping, source.element()), text, e.getMessage(), child.line());
    }
  }

  private static List<String> textList(
      TableMapping mapping, ParsedElement element, ColumnSource.TextList source, Column column)
      throws BadValue {
    ParsedElement container = element.firstChild(source.container());
    if (container == null) {
      return null;
    }
    List<String> texts = null;
    List<ParsedElement> items = container.descendants(source.item());
    for (int i = 0; i < items.size(); i++) {
      ParsedElement item = items.get(i);
      ParsedElement leaf = source.leaf() == null ? item : item.firstChild(source.leaf());
      String text =
          arrayElement(mapping, source.container(), source.item(), source.leaf(), leaf, column);
      if (text != null) {
        if (texts == null) {
          texts = new ArrayList<>(2);
        }
        texts.add(text);
      }
    }
    return texts;
  }

  private static List<String> parallelTextList(
      TableMapping mapping, ParsedElement element, ColumnSource.ParallelTextList source, Column column)
      throws BadValue {
    ParsedElement container = element.firstChild(source.container());
    if (container == null) {
      return null;
    }
    List<ParsedElement> items = container.descendants(source.item());
    if (items.isEmpty()) {
      return null;
    }
    List<String> texts = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      ParsedElement leaf = items.get(i).firstChild(source.leaf());
      // null elements keep the arrays aligned
      texts.add(arrayElement(mapping, source.container(), source.item(), source.leaf(), leaf, column));
    }
    return texts;
  }

  /**
   * The text of one array element (null when {@code leaf} is missing or empty), within the
   * column's limit; container/item/leaf name it in a failure ({@code leaf} null: the item itself).
   */
  private static String arrayElement(
      TableMapping mapping,
      String container,
      String item,
      String leafName,
      ParsedElement leaf,
      Column column)
      throws BadValue {
    String text = leaf == null ? null : leaf.text();
    if (text == null) {
      return null;
    }
    try {
      return StrictValues.bounded(text, column.maxLength());
    } catch (InvalidValueException e) {
      String relative = container + "/" + item + (leafName == null ? "" : "/" + leafName);
      throw new BadValue(path(mapping, relative), text, e.getMessage(), leaf.line());
    }
  }

  /** The element path below Index of {@code relativePath} under a row of {@code mapping}. */
  private static String path(TableMapping mapping, String relativePath) {
    return mapping.path().isEmpty() ? relativePath : mapping.path() + "/" + relativePath;
  }

  /** The first value of a case that does not convert. */
  private static final class BadValue extends Exception {
    private static final long serialVersionUID = 1L;
    private final String element;
    private final transient String value;
    private final String reason;
    private final int line;

    BadValue(String element, String value, String reason, int line) {
      super(reason, null, false, false);
      this.element = element;
      this.value = value;
      this.reason = reason;
      this.line = line;
    }
  }
}
