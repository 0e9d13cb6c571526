package org.ocaetl.worker.cli;

/**
 * A failure the user can act on (a database that cannot be reached, a file that is not there): its
 * message is the one line {@code oca} prints, naming what failed and what to do; the cause's stack
 * trace goes to the log at DEBUG only ({@code OCA_LOG_LEVEL=DEBUG}). Exit code 1.
 */
final class CommandFailure extends RuntimeException {
  CommandFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
