package org.ocaetl.reference;

import java.io.IOException;

/** A reference file that cannot be loaded: names the file, the line and the offending value. */
public final class BadReferenceFileException extends IOException {
  public BadReferenceFileException(String message) {
    super(message);
  }
}
