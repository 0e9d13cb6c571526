package org.ocaetl.geocode.http;

/**
 * A call to a geocoding service gave no usable answer (retries spent, circuit open, time budget
 * spent). The message names the service and the failure, never an address or a key.
 */
public final class ServiceUnavailableException extends Exception {
  public ServiceUnavailableException(String message) {
    super(message, null, false, false);
  }
}
