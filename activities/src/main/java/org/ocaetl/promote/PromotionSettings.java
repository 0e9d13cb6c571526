package org.ocaetl.promote;

import java.time.Duration;
import java.util.Objects;
import org.ocaetl.schema.SessionLimits;

/**
 * Time limits of the promotion transaction, applied with {@code SET LOCAL}, and when it sets the
 * foreign keys aside.
 *
 * @param lockTimeout longest wait for any lock, including the per-schema advisory lock; exceeding
 *     it fails with {@link PromotionLockTimeoutException} (retryable)
 * @param statementTimeout longest single statement (a COPY of one staged CSV included); exceeding it
 *     is a sizing problem, not retried as is
 * @param idleInTransactionTimeout longest pause between statements (e.g. waiting for the object
 *     store to start a download) before the server ends the session
 * @param foreignKeyDeferralShare a file's staged child rows, as a share of the rows already in the
 *     child tables, above which the foreign keys are set aside ({@link ForeignKeyDeferral}); 0 sets
 *     them aside for any file, {@code Double.POSITIVE_INFINITY} never
 */
public record PromotionSettings(
    Duration lockTimeout,
    Duration statementTimeout,
    Duration idleInTransactionTimeout,
    double foreignKeyDeferralShare) {

  public static final PromotionSettings DEFAULTS =
      new PromotionSettings(
          Duration.ofSeconds(30),
          Duration.ofMinutes(30),
          Duration.ofMinutes(5),
          ForeignKeyDeferral.MEASURED_BREAK_EVEN_SHARE);

  public PromotionSettings {
    requirePositive(lockTimeout, "lockTimeout");
    requirePositive(statementTimeout, "statementTimeout");
    requirePositive(idleInTransactionTimeout, "idleInTransactionTimeout");
    if (!(foreignKeyDeferralShare >= 0)) {
      throw new IllegalArgumentException("foreignKeyDeferralShare must be >= 0: " + foreignKeyDeferralShare);
    }
  }

  /** The limits the transaction sets before it takes the schema's lock. */
  public SessionLimits sessionLimits() {
    return new SessionLimits(lockTimeout, statementTimeout, idleInTransactionTimeout);
  }

  public PromotionSettings withLockTimeout(Duration lockTimeout) {
    return new PromotionSettings(lockTimeout, statementTimeout, idleInTransactionTimeout, foreignKeyDeferralShare);
  }

  public PromotionSettings withForeignKeyDeferralShare(double share) {
    return new PromotionSettings(lockTimeout, statementTimeout, idleInTransactionTimeout, share);
  }

  private static void requirePositive(Duration d, String name) {
    Objects.requireNonNull(d, name);
    // 0 would mean "no limit" to PostgreSQL; every limit here is meant to be one.
    if (d.toMillis() < 1 || d.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(name + " must be between 1 ms and ~24 days: " + d);
    }
  }
}
