package org.ocaetl.promote;

import java.time.Duration;
import java.util.Objects;

/**
 * Time limits of the promotion transaction, applied with {@code SET LOCAL}.
 *
 * @param lockTimeout longest wait for any lock, including the per-schema advisory lock; exceeding
 *     it fails with {@link PromotionLockTimeoutException} (retryable)
 * @param statementTimeout longest single statement (a COPY of one staged CSV included); exceeding it
 *     is a sizing problem, not retried as is
 * @param idleInTransactionTimeout longest pause between statements (e.g. waiting for the object
 *     store to start a download) before the server ends the session
 */
public record PromotionSettings(
    Duration lockTimeout, Duration statementTimeout, Duration idleInTransactionTimeout) {

  public static final PromotionSettings DEFAULTS =
      new PromotionSettings(Duration.ofSeconds(30), Duration.ofMinutes(30), Duration.ofMinutes(5));

  public PromotionSettings {
    requirePositive(lockTimeout, "lockTimeout");
    requirePositive(statementTimeout, "statementTimeout");
    requirePositive(idleInTransactionTimeout, "idleInTransactionTimeout");
  }

  public PromotionSettings withLockTimeout(Duration lockTimeout) {
    return new PromotionSettings(lockTimeout, statementTimeout, idleInTransactionTimeout);
  }

  private static void requirePositive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    // 0 would mean "no limit" to PostgreSQL; every limit here is meant to be one.
    if (d.toMillis() < 1 || d.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(name + " must be between 1 ms and ~24 days: " + d);
    }
  }
}
