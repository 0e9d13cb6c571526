package org.ocaetl.workflows.model;

/**
 * Whether the staged output of an earlier file workflow can be promoted as it is.
 *
 * @param staged the earlier result rebuilt from its report.json when the checksum and parser
 *     version match; null otherwise
 * @param currentParserVersion the parser version a new staging would use
 * @param mismatch why the earlier output cannot be used; null when {@code staged} is set
 */
public record StagedLookup(FileResult staged, int currentParserVersion, String mismatch) {}
