package org.ocaetl.publish;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.ocaetl.db.SchemaSession;
import org.ocaetl.db.SqlIdentifier;
import org.ocaetl.db.SqlResource;
import org.ocaetl.schema.PromotionLock;

/**
 * The advisory lock that serialises the publishes of one schema that write parts: held on its own
 * connection from before the snapshot begins until the marks the publish read are cleared, so a
 * publish never overwrites a part with an older snapshot than the one whose marks were cleared.
 */
final class PublishLock implements AutoCloseable {
  private final Connection connection;
  private final long key;

  private PublishLock(Connection connection, long key) {
    this.connection = connection;
    this.key = key;
  }

  /** Waits for the lock (a running publish of the schema ends first). */
  static PublishLock acquire(DataSource dataSource, SqlIdentifier schema) throws SQLException {
    long key = PromotionLock.key("org.ocaetl.publish", schema);
    Connection c = dataSource.getConnection();
    try {
      run(c, "sql/publish/publish_lock.sql", key);
      return new PublishLock(c, key);
    } catch (SQLException | RuntimeException e) {
      SchemaSession.closeAfterFailure(c, e);
      throw e;
    }
  }

  @Override
  public void close() throws SQLException {
    try (Connection c = connection) {
      run(c, "sql/publish/publish_unlock.sql", key);
    }
  }

  private static void run(Connection c, String resource, long key) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SqlResource.of(resource).render())) {
      ps.setLong(1, key);
      ps.execute();
    }
  }
}
