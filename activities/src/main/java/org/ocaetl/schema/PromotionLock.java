package org.ocaetl.schema;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.ocaetl.db.SqlIdentifier;
import org.ocaetl.db.SqlResource;

/**
 * The advisory lock that serialises promotions of one schema, and everything else that rewrites
 * the main tables (the tombstone purge).
 */
public final class PromotionLock {
  private PromotionLock() {}

  /**
   * A constant 64-bit key derived from the schema name (first 8 bytes of a SHA-256), the same in
   * every JVM and release, so every worker agrees on it; distinct schemas get distinct keys. The
   * prefix names the package the lock first lived in and stays, so old and new workers share a key.
   */
  public static long key(SqlIdentifier schema) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(("org.ocaetl.promote:" + schema.name()).getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(digest).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }

  /**
   * First statements of a transaction that writes the main tables (autocommit must be off): SET
   * LOCAL time limits and search path, then wait for the schema's lock (bounded by the lock
   * timeout, SQLState 55P03).
   */
  public static void startTransaction(Connection c, SqlIdentifier schema, SessionLimits limits)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(SqlResource.of("sql/schema/session_settings.sql").render())) {
      ps.setString(1, Long.toString(limits.lockTimeout().toMillis()));
      ps.setString(2, Long.toString(limits.statementTimeout().toMillis()));
      ps.setString(3, Long.toString(limits.idleInTransactionTimeout().toMillis()));
      ps.setString(4, schema.quoted());
      ps.execute();
    }
    try (PreparedStatement ps =
        c.prepareStatement(SqlResource.of("sql/schema/advisory_lock.sql").render())) {
      ps.setLong(1, key(schema));
      ps.execute();
    }
  }
}
