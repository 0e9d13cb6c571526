package org.ocaetl.parse;

/**
 * What one element read as a whole (an {@code Index} or {@code RunDate}) holds on the heap.
 *
 * @param elements elements kept, the element itself included
 * @param textLength characters of text kept
 * @param tooLarge the bound it broke, or null; when set, the element keeps only its {@code
 *     IndexNumberId} (if it has one) and the rest was skipped
 */
public record TreeSize(int elements, long textLength, CaseTooLarge tooLarge) {
  /** Rough heap of the tree, to bound how many trees wait to be staged. */
  public long heapBytes() {
    return CaseBounds.heapBytes(elements, textLength);
  }
}
