package org.ocaetl.promote;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import org.ocaetl.db.SqlIdentifier;
import org.ocaetl.db.SqlResource;
import org.ocaetl.model.OcaTable;
import org.ocaetl.store.ObjectStore;
import org.ocaetl.store.StoreKeys;
import org.postgresql.PGConnection;

/** Streams a staged CSV from the object store straight into {@code COPY ... FROM STDIN} (never held in memory). */
public final class CopyLandingLoader implements LandingLoader {
  private static final int COPY_BUFFER_BYTES = 1 << 16;

  private final ObjectStore store;

  public CopyLandingLoader(ObjectStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  @Override
  public long load(Connection connection, SqlIdentifier landingTable, OcaTable table, String fileName)
      throws SQLException, IOException {
    String copy =
        SqlResource.of("sql/promote/copy_landing_table.sql")
            .with("landing_table", landingTable)
            .with("columns", SqlIdentifier.columnsOf(table))
            .render();
    try (InputStream in = store.get(StoreKeys.stagedCsv(fileName, table))) {
      return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(copy, in, COPY_BUFFER_BYTES);
    }
  }
}
