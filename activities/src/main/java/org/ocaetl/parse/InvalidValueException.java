package org.ocaetl.parse;

/** A value that does not convert to its column type (docs/processing-rules.md#rule-8). Cheap: no stack trace. */
final class InvalidValueException extends Exception {
  private static final long serialVersionUID = 1L;

  InvalidValueException(String reason) {
    super(reason, null, false, false);
  }
}
