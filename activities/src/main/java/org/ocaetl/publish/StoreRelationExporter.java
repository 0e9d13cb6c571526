package org.ocaetl.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import org.ocaetl.db.SqlResource;
import org.ocaetl.store.ObjectStore;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Streams {@code COPY (rows) TO STDOUT} into {@link ObjectStore#write}: bounded memory, no local copy.
 * The bytes are counted and hashed on their way, so the descriptor needs no read-back.
 */
public final class StoreRelationExporter implements RelationExporter {
  private static final String CSV = "text/csv; charset=utf-8";

  private final ObjectStore store;

  public StoreRelationExporter(ObjectStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  @Override
  public ExportedObject export(Connection snapshot, String key, SqlResource rows) throws SQLException, IOException {
    return export(snapshot, key, rows, published -> published);
  }

  /**
   * As {@link #export(Connection, String, SqlResource)}, and every byte of the COPY also goes to
   * {@code copy}: the object gets each row's first {@code publishedFields} of its {@code rowFields}
   * columns ({@link CsvTee}), the copy all of them.
   */
  ExportedObject export(Connection snapshot, String key, SqlResource rows, int publishedFields, int rowFields,
      OutputStream copy) throws SQLException, IOException {
    return export(snapshot, key, rows, published -> new CsvTee(published, copy, publishedFields, rowFields));
  }

  private ExportedObject export(Connection snapshot, String key, SqlResource rows, Sink sink)
      throws SQLException, IOException {
    String sql = SqlResource.of("sql/publish/copy_relation.sql").with("query", rows).render();
    CopyManager copy = snapshot.unwrap(PGConnection.class).getCopyAPI();
    ExportedObject[] written = new ExportedObject[1];
    try {
      store.write(
          key,
          CSV,
          out -> {
            try {
              PublishedFile.Hashing hashing = new PublishedFile.Hashing(out);
              long rowCount = copy.copyOut(sql, sink.around(hashing));
              written[0] = new ExportedObject(rowCount, hashing.file());
            } catch (SQLException e) {
              throw new SqlFailure(e);
            }
          });
    } catch (SqlFailure e) {
      throw e.sqlException;
    }
    return written[0];
  }

  /** Where the COPY's bytes go, given the hashed stream of the object. */
  @FunctionalInterface
  private interface Sink {
    OutputStream around(OutputStream published);
  }

  /** Carries a COPY failure through the store's IOException-only writer callback. */
  private static final class SqlFailure extends IOException {
    private final transient SQLException sqlException;

    SqlFailure(SQLException e) {
      super(e);
      this.sqlException = e;
    }
  }
}
