package org.ocaetl.workflows;

import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.common.SearchAttributeKey;
import java.util.Map;
import java.util.TreeMap;

/**
 * The custom search attributes that replace the predecessor's manifest tables. They must be
 * registered on the namespace (a real cluster: {@code temporal operator search-attribute create};
 * the in-process test server: {@code registerSearchAttribute}) or every upsert fails the
 * workflow task.
 *
 * <p>{@code OcaExtractDate} is a Keyword holding {@code YYYY-MM-DD}, not a Datetime: an extract
 * date has no time or zone, ISO dates compare correctly as strings, and operators query it as
 * they read it ({@code OcaExtractDate = '2026-11-23'}).
 */
public final class OcaSearchAttributes {
  /** Base name of the raw zip (file workflows). */
  public static final SearchAttributeKey<String> FILE_NAME = SearchAttributeKey.forKeyword("OcaFileName");

  /** Extract date {@code YYYY-MM-DD}: the name's date, then the RunDate once parsed. */
  public static final SearchAttributeKey<String> EXTRACT_DATE =
      SearchAttributeKey.forKeyword("OcaExtractDate");

  /** An {@link org.ocaetl.workflows.model.OcaStatus} name. */
  public static final SearchAttributeKey<String> STATUS = SearchAttributeKey.forKeyword("OcaStatus");

  /** Cases that could not be converted (per file, or summed over a run). */
  public static final SearchAttributeKey<Long> CASES_FAILED = SearchAttributeKey.forLong("OcaCasesFailed");

  private OcaSearchAttributes() {}

  /** Name and type of every attribute, for registration. */
  public static Map<String, IndexedValueType> definitions() {
    Map<String, IndexedValueType> all = new TreeMap<>();
    for (SearchAttributeKey<?> key : new SearchAttributeKey<?>[] {FILE_NAME, EXTRACT_DATE, STATUS, CASES_FAILED}) {
      all.put(key.getName(), key.getValueType());
    }
    return all;
  }
}
