package org.ocaetl.promote;

import java.util.List;

/**
 * The outcome of one promotion transaction.
 *
 * @param files one entry per requested file, in order
 * @param elapsedMillis wall time including the wait for the advisory lock
 */
public record PromotionResult(List<FilePromotion> files, long elapsedMillis) {}
