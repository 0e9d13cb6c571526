package org.ocaetl.parse;

/**
 * The first {@code RunDate} element before the first {@code Index}, as found.
 *
 * @param text its text, unchanged, or null when empty
 * @param line 1-based line of its start tag
 * @param column 1-based column of its start tag
 */
public record RunDateElement(String text, int line, int column) {}
