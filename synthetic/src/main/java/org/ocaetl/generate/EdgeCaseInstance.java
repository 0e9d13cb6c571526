package org.ocaetl.generate;

/**
 * One edge case written into an extract.
 *
 * @param kind what it is
 * @param indexNumberId the id it concerns; null for {@link EdgeCase#MISSING_INDEX_NUMBER_ID}
 * @param position the 0-based number of the (non-delete) case among the file's cases
 */
public record EdgeCaseInstance(EdgeCase kind, String indexNumberId, long position) {}
