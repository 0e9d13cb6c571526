package org.ocaetl.parse;

/**
 * Why an {@code Index} was not read whole: it broke a {@link CaseBounds} bound. Sizes only, never
 * a value (so nothing here needs redacting).
 *
 * @param element path of the element inside the Index where the bound was broken, e.g. {@code
 *     Parties}; {@code Index} for the Index itself
 * @param reason what was too large, with its size and the bound, e.g. {@code 3,000,000 child
 *     elements, more than the 10,000 allowed in one element}
 * @param line 1-based line of that element's start tag
 */
public record CaseTooLarge(String element, String reason, int line) {}
