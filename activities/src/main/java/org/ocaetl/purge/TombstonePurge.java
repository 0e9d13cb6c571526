package org.ocaetl.purge;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.ocaetl.db.SchemaSession;
import org.ocaetl.db.SqlIdentifier;
import org.ocaetl.db.SqlResource;
import org.ocaetl.model.OcaTable;
import org.ocaetl.promote.PromotionSettings;
import org.ocaetl.schema.PromotionLock;
import org.ocaetl.workflows.model.PurgeResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes from the eleven data tables every case whose oca_metadata row has a deletedate. The
 * promotion already does this for the files it applies (docs/processing-rules.md#rule-6); the purge is the operator's
 * repair for rows that predate that rule or were loaded by other means.
 *
 * <p>One transaction with the promotion's time limits, holding the schema's promotion lock, so a
 * purge and a promotion never interleave. Child tables first, oca_index last, each with its own
 * DELETE and its own count.
 */
public final class TombstonePurge {
  private static final Logger LOG = LoggerFactory.getLogger(TombstonePurge.class);

  private final DataSource dataSource;
  private final SqlIdentifier schema;
  private final PromotionSettings settings;

  public TombstonePurge(DataSource dataSource, String schema) {
    this(dataSource, schema, PromotionSettings.DEFAULTS);
  }

  public TombstonePurge(DataSource dataSource, String schema, PromotionSettings settings) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.schema = SqlIdentifier.of(schema);
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * Purges in one transaction.
   *
   * @throws SQLException the transaction was rolled back (SQLState 55P03: the lock wait timed out)
   */
  public PurgeResult purge() throws SQLException {
    long started = System.nanoTime();
    Connection c = dataSource.getConnection();
    try {
      c.setAutoCommit(false);
      PromotionLock.startTransaction(c, schema, settings.sessionLimits());
      Map<String, Long> deleted = new LinkedHashMap<>();
      long ids;
      try (Statement st = c.createStatement()) {
        ids = st.executeUpdate(SqlResource.of("sql/purge/collect_tombstoned_ids.sql").render());
        for (OcaTable table : OcaTable.CHILD_TABLES) {
          deleted.put(table.tableName(), delete(st, table));
        }
        deleted.put(OcaTable.OCA_INDEX.tableName(), delete(st, OcaTable.OCA_INDEX));
      }
      c.commit();
      c.close();
      PurgeResult result = new PurgeResult(ids, orderedLikeTables(deleted), (System.nanoTime() - started) / 1_000_000);
      LOG.info("Purged {} rows of {} tombstoned ids in schema {}: {}",
          result.rowsDeleted(), ids, schema.name(), result.rowsDeletedPerTable());
      return result;
    } catch (SQLException | RuntimeException | Error e) {
      SchemaSession.closeAfterFailure(c, e);
      throw e;
    }
  }

  private static long delete(Statement st, OcaTable table) throws SQLException {
    return st.executeLargeUpdate(
        SqlResource.of("sql/purge/delete_tombstoned_rows.sql")
            .with("table", SqlIdentifier.of(table.tableName()))
            .render());
  }

  /** Counts in published table order (oca_index first), as every other per-table report. */
  private static Map<String, Long> orderedLikeTables(Map<String, Long> deleted) {
    Map<String, Long> ordered = new LinkedHashMap<>();
    for (OcaTable table : OcaTable.DATA_TABLES) {
      ordered.put(table.tableName(), deleted.get(table.tableName()));
    }
    return ordered;
  }
}
