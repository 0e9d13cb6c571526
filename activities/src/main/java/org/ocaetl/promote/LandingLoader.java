package org.ocaetl.promote;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import org.ocaetl.db.SqlIdentifier;
import org.ocaetl.model.OcaTable;

/**
 * Appends one staged CSV to one of the promotion's temp tables (a landing table or, for the child
 * tables, a net table whose file_pos default names the file), inside its transaction (same
 * connection, so its temp tables are visible and a failure rolls everything back). Two ways:
 * {@link CopyLandingLoader} streams the object through the worker, {@link S3ImportLandingLoader} lets
 * RDS read it from S3 itself.
 */
public interface LandingLoader {

  /**
   * @param connection the promotion's connection, in its transaction
   * @param target the temp table to append to (shaped like {@code table}, maybe with file_pos)
   * @param table whose staged CSV of {@code fileName} to load
   * @param fileName the raw file the staged CSVs were made from
   * @return rows loaded
   */
  long load(Connection connection, SqlIdentifier target, OcaTable table, String fileName)
      throws SQLException, IOException;
}
