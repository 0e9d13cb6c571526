package org.ocaetl.promote;

import java.sql.SQLException;
import java.sql.SQLTransientException;

/**
 * The promotion waited longer than its lock timeout (SQLState 55P03), usually for another
 * promotion of the same schema. Nothing was applied; retrying the whole promotion later is safe.
 */
public final class PromotionLockTimeoutException extends SQLTransientException {
  public static final String SQL_STATE = "55P03";

  public PromotionLockTimeoutException(String schema, SQLException cause) {
    super(
        "Promotion of schema " + schema + " gave up waiting for a lock (lock_timeout); retry later",
        SQL_STATE,
        cause);
  }
}
