package org.ocaetl.promote;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import org.ocaetl.db.SqlIdentifier;
import org.ocaetl.model.OcaTable;

/**
 * Fills one empty landing table from one staged CSV, inside the promotion's transaction (same
 * connection, so its temp tables are visible and a failure rolls everything back). Two ways:
 * {@link CopyLandingLoader} streams the object through the worker, {@link S3ImportLandingLoader} lets
 * RDS read it from S3 itself.
 */
public interface LandingLoader {

  /**
   * @param connection the promotion's connection, in its transaction
   * @param landingTable the temp table to fill (shaped like {@code table})
   * @param table whose staged CSV of {@code fileName} to load
   * @param fileName the raw file the staged CSVs were made from
   * @return rows loaded
   */
  long load(Connection connection, SqlIdentifier landingTable, OcaTable table, String fileName)
      throws SQLException, IOException;
}
