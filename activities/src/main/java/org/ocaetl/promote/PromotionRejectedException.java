package org.ocaetl.promote;

/**
 * The promotion refused its input: retrying the same request can never succeed, so callers treat
 * every subclass as non-retryable. Nothing was applied (the transaction rolled back). Messages name
 * files and counts only, never case content.
 */
public abstract class PromotionRejectedException extends RuntimeException {
  protected PromotionRejectedException(String message) {
    super(message);
  }
}
