package org.ocaetl.purge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ocaetl.db.SqlIdentifier;
import org.ocaetl.model.OcaTable;
import org.ocaetl.promote.PromotionSettings;
import org.ocaetl.schema.PromotionLock;
import org.ocaetl.schema.SchemaMigrator;
import org.ocaetl.testing.PostgresDatabaseExtension;
import org.ocaetl.workflows.model.PurgeResult;

/** The tombstone purge on a real PostgreSQL schema. */
class TombstonePurgeTest {
  @RegisterExtension
  static final PostgresDatabaseExtension db = new PostgresDatabaseExtension();
  static int schemas;
  String schema;
  DataSource data;

  @BeforeEach
  void freshSchema() throws Exception {
    schema = "purge_" + ++schemas;
    data = db.dataSource();
    SchemaMigrator.migrate(data, schema);
    // "dead": tombstoned but still has rows (loaded before docs/processing-rules.md#rule-6, or by hand); "gone": tombstoned
    // and already clean; "live": never deleted.
    execute("INSERT INTO " + schema + ".oca_index (indexnumberid, court) VALUES ('dead', 'Bronx'), ('live', 'Kings')");
    for (String id : new String[] {"dead", "live"}) {
      execute("INSERT INTO " + schema + ".oca_causes (indexnumberid, amount) VALUES ('" + id + "', 10), ('" + id + "', 20)");
      execute("INSERT INTO " + schema + ".oca_addresses (indexnumberid, city) VALUES ('" + id + "', 'Bronx')");
      execute("INSERT INTO " + schema + ".oca_events (indexnumberid, eventname) VALUES ('" + id + "', 'Answer')");
    }
    execute("INSERT INTO " + schema + ".oca_metadata (indexnumberid, initialdate, deletedate) VALUES"
        + " ('dead', '2024-01-05', '2024-03-08'), ('gone', '2024-01-05', '2024-02-01'), ('live', '2024-01-05', NULL)");
  }

  @Test
  void deletesEveryRowOfTombstonedIdsTableByTableAndKeepsTheTombstones() throws Exception {
    PurgeResult result = new TombstonePurge(data, schema).purge();

    Map<String, Long> expected = new LinkedHashMap<>();
    for (OcaTable table : OcaTable.DATA_TABLES) {
      expected.put(table.tableName(), 0L);
    }
    expected.put("oca_index", 1L);
    expected.put("oca_causes", 2L);
    expected.put("oca_addresses", 1L);
    expected.put("oca_events", 1L);
    assertEquals(expected, result.rowsDeletedPerTable(), "every data table, in table order");
    assertEquals(2, result.tombstonedIds());
    assertEquals(5, result.rowsDeleted());

    assertEquals(0, count("oca_index", "dead") + count("oca_causes", "dead") + count("oca_addresses", "dead")
        + count("oca_events", "dead"));
    assertEquals(1 + 2 + 1 + 1, count("oca_index", "live") + count("oca_causes", "live")
        + count("oca_addresses", "live") + count("oca_events", "live"), "live cases untouched");
    assertEquals(3, count("oca_metadata", null), "oca_metadata keeps every tombstone");

    PurgeResult again = new TombstonePurge(data, schema).purge();
    assertEquals(0, again.rowsDeleted(), "a second purge finds nothing");
  }

  @Test
  void waitsForThePromotionLockAndGivesUpAfterTheLockTimeout() throws Exception {
    try (Connection promotion = data.getConnection()) {
      promotion.setAutoCommit(false);
      PromotionLock.startTransaction(promotion, SqlIdentifier.of(schema), PromotionSettings.DEFAULTS.sessionLimits());
      TombstonePurge purge =
          new TombstonePurge(data, schema, PromotionSettings.DEFAULTS.withLockTimeout(Duration.ofMillis(200)));
      SQLException e = assertThrows(SQLException.class, purge::purge);
      assertEquals("55P03", e.getSQLState());
      promotion.rollback();
    }
    assertEquals(1, count("oca_index", "dead"), "nothing deleted while the lock was held");
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = data.getConnection();
        Statement st = c.createStatement()) {
      st.execute(sql);
    }
  }

  private long count(String table, String id) throws SQLException {
    String sql = "SELECT count(*) FROM " + schema + "." + table + (id == null ? "" : " WHERE indexnumberid = ?");
    try (Connection c = data.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      if (id != null) {
        ps.setString(1, id);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}
