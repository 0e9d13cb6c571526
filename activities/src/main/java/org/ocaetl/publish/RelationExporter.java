package org.ocaetl.publish;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import org.ocaetl.db.SqlResource;

/**
 * Writes the rows of one query as a published CSV object (PostgreSQL CSV with header), inside the
 * snapshot's transaction. Two ways: {@link StoreRelationExporter} streams {@code COPY ... TO
 * STDOUT} through the worker into the store, {@link S3QueryExporter} lets RDS write to S3 itself.
 */
public interface RelationExporter {

  /**
   * @param snapshot the snapshot's connection, in its REPEATABLE READ transaction
   * @param key the store key of the object
   * @param rows the query of the rows (relation_rows.sql)
   * @return rows written, and the object's size and hash if the bytes passed through the worker
   */
  ExportedObject export(Connection snapshot, String key, SqlResource rows) throws SQLException, IOException;
}
