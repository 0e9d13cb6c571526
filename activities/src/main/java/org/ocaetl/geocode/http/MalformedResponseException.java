package org.ocaetl.geocode.http;

/** A response body that does not have the documented shape (truncated, not JSON, …); retried. */
public final class MalformedResponseException extends Exception {
  public MalformedResponseException(String message) {
    super(message, null, false, false);
  }
}
