package org.ocaetl.publish;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import org.ocaetl.db.SqlResource;
import org.ocaetl.store.ObjectStore;
import org.postgresql.PGConnection;

/**
 * A full export of a snapshot as the reference for the parted publish: every file exported whole
 * by one COPY of relation_rows.sql into {@code target}, reading and clearing no marks.
 */
final class WholeFileExporter implements RelationExporter {
  private final ObjectStore target;

  WholeFileExporter(ObjectStore target) {
    this.target = target;
  }

  @Override
  public long export(Connection snapshot, String key, SqlResource rows) throws SQLException, IOException {
    String sql = SqlResource.of("sql/publish/copy_relation.sql").with("query", rows).render();
    AtomicLong written = new AtomicLong();
    target.write(key, "text/csv; charset=utf-8", out -> {
      try {
        written.set(snapshot.unwrap(PGConnection.class).getCopyAPI().copyOut(sql, out));
      } catch (SQLException e) {
        throw new IOException(e);
      }
    });
    return written.get();
  }
}
