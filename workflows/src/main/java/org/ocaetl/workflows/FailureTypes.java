package org.ocaetl.workflows;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.failure.TimeoutFailure;

/**
 * The {@code ApplicationFailure} types activities raise, and how workflows turn a failure chain
 * into a one-line reason for results. Bad input is non-retryable (retrying cannot fix the bytes);
 * a lock timeout is retryable.
 */
public final class FailureTypes {
  /** The raw file is not a readable zip / lacks the XML / is not well-formed (docs/processing-rules.md#rule-3). */
  public static final String BAD_EXTRACT_FILE = "BadExtractFile";

  /** The ledger holds the file name with another checksum. */
  public static final String LEDGER_CONFLICT = "LedgerConflict";

  /** Bytes do not match the checksum they are known by (archive or fetch). */
  public static final String CHECKSUM_CONFLICT = "ChecksumConflict";

  /**
   * The SFTP inbox's host key is not the configured known_hosts entry: never retried (the key will
   * not change by itself); an operator checks the key and updates OCA_SFTP_KNOWN_HOSTS.
   */
  public static final String UNTRUSTED_HOST_KEY = "UntrustedHostKey";

  /** PostgreSQL lock_timeout (55P03): another transaction held the lock; retried. */
  public static final String LOCK_TIMEOUT = "LockTimeout";

  /** PostgreSQL statement_timeout (57014): a sizing problem, not fixed by retrying as is. */
  public static final String STATEMENT_TIMEOUT = "StatementTimeout";

  /**
   * DuckDB found no room to stage a file: its temp directory reached max_temp_directory_size or
   * the disk is full. Retried (space frees up as other files finish); the message says which
   * folder and which setting.
   */
  public static final String STAGING_DISK_FULL = "StagingDiskFull";

  /** The request itself is invalid (e.g. a malformed reprocess glob). */
  public static final String INVALID_REQUEST = "InvalidRequest";

  /**
   * A file's workflow completed before, but its staged output does not match the file's checksum
   * and parser version even after staging again (another run is rewriting it): retry later.
   */
  public static final String STAGED_OUTPUT_UNAVAILABLE = "StagedOutputUnavailable";

  /**
   * A geocoding service stopped answering (circuit breaker open) during a backfill slice: retried
   * later with backoff, resuming from the heartbeat cursor.
   */
  public static final String GEOCODER_UNAVAILABLE = "GeocoderUnavailable";

  private FailureTypes() {}

  /** E.g. {@code BadExtractFile: x.zip: line 3, column 9: unexpected end}. */
  public static String reason(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null
        && (root instanceof ChildWorkflowFailure || root instanceof ActivityFailure)) {
      root = root.getCause();
    }
    if (root instanceof ApplicationFailure app) {
      return app.getType() + ": " + app.getOriginalMessage();
    }
    if (root instanceof TimeoutFailure timeout) {
      return "Timeout: " + timeout.getTimeoutType();
    }
    if (root instanceof TemporalFailure temporal) {
      return root.getClass().getSimpleName() + ": " + temporal.getOriginalMessage();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
