package org.ocaetl.reference;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;
import javax.sql.DataSource;
import org.ocaetl.db.SqlIdentifier;

/**
 * Replaces one reference table of a schema with a release, in one transaction ({@link
 * ReferenceRelease#load}); a subclass says how a CSV fills its table.
 */
public abstract class ReferenceLoader {
  private final DataSource dataSource;
  private final SqlIdentifier schema;
  private final String table;

  ReferenceLoader(DataSource dataSource, String schema, String table) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.schema = SqlIdentifier.of(schema);
    this.table = table;
  }

  public final ReferenceRelease load(Path file, String release) throws IOException, SQLException {
    return ReferenceRelease.load(dataSource, schema, table, file, release, this::fill);
  }

  /** Fills the table from the CSV inside the load's transaction; returns the rows loaded. */
  abstract long fill(Connection c, ReferenceCsv csv) throws IOException, SQLException;

  SqlIdentifier schema() {
    return schema;
  }
}
