package org.ocaetl.parse;

/**
 * How large one {@code Index} may be before it fails alone as too large (docs/processing-rules.md#rule-8), instead of
 * exhausting the worker's heap: the parser reads an Index into memory, and without bounds one
 * hostile or corrupt case (millions of {@code Party} elements, gigabytes of highlights) killed the
 * worker with {@code OutOfMemoryError} on every retry. Past a bound the rest of the Index is read
 * without being kept. The defaults are far above real data (the largest real cases have hundreds
 * of events and highlights of a few KiB); see docs/case-bounds.md.
 *
 * @param maxChildren children of any one element, e.g. {@code Party} elements in {@code Parties}
 * @param maxElements elements in one Index, itself included
 * @param maxTextLength characters of text in one Index (indentation between elements not counted)
 */
public record CaseBounds(int maxChildren, int maxElements, int maxTextLength) {
  public static final int DEFAULT_MAX_CHILDREN = 10_000;
  public static final int DEFAULT_MAX_ELEMENTS = 100_000;
  public static final int DEFAULT_MAX_TEXT_LENGTH = 4 * 1024 * 1024;

  public static final CaseBounds DEFAULTS =
      new CaseBounds(DEFAULT_MAX_CHILDREN, DEFAULT_MAX_ELEMENTS, DEFAULT_MAX_TEXT_LENGTH);

  /**
   * Heap of one element of a tree without its text, rounded up: the {@link ParsedElement} (32 bytes),
   * its child list or its text String (24 to 72 bytes).
   */
  static final int ELEMENT_HEAP_BYTES = 100;

  public CaseBounds {
    if (maxChildren < 1 || maxElements < 1 || maxTextLength < 1) {
      throw new IllegalArgumentException("case bounds must be at least 1: " + this);
    }
  }

  /** Rough heap of a tree of {@code elements} holding {@code textLength} characters (UTF-16 at worst). */
  static long heapBytes(int elements, long textLength) {
    return elements * (long) ELEMENT_HEAP_BYTES + 2 * textLength;
  }

  /** The most one Index within these bounds can hold on the heap, roughly. */
  public long maxHeapBytes() {
    return heapBytes(maxElements, maxTextLength);
  }
}
