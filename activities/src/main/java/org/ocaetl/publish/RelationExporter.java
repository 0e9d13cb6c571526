package org.ocaetl.publish;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import org.ocaetl.db.SqlResource;

/**
 * Writes the rows of one query as a whole published CSV object (PostgreSQL CSV with header), inside
 * the snapshot's transaction, e.g. {@link S3QueryExporter}, which lets RDS write to S3 itself.
 * Without one, {@link PublicSnapshot} assembles each CSV from parts through the store instead.
 */
public interface RelationExporter {

  /**
   * @param snapshot the snapshot's connection, in its REPEATABLE READ transaction
   * @param key the store key of the object
   * @param rows the query of the rows (relation_rows.sql)
   * @return rows written
   */
  long export(Connection snapshot, String key, SqlResource rows) throws SQLException, IOException;
}
