package org.ocaetl.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.model.Column;
import org.ocaetl.model.ColumnType;
import org.ocaetl.model.OcaTable;
import org.ocaetl.parse.CaseMappings;

/**
 * The hand-written staging DDL (schema.sql) matches the {@link StagingTable} layout the appender
 * and the export use, which is derived from the catalog.
 */
class StagingSchemaTest {
  @TempDir Path dir;

  @Test
  void stagingTablesAreTheStagedColumnsAfterCaseSeqAndOrd() throws Exception {
    try (DuckDBConnection conn =
            StagingDatabase.create(dir.resolve("s.duckdb"), StagingLimits.defaults(dir));
        PreparedStatement ps =
            conn.prepareStatement(
                "SELECT column_name || ' ' || data_type FROM information_schema.columns"
                    + " WHERE table_name = ? ORDER BY ordinal_position")) {
      for (StagingTable staging : StagingTable.ALL) {
        OcaTable table = staging.table();
        List<String> expected = new ArrayList<>(List.of("case_seq BIGINT", "ord INTEGER"));
        for (Column column : staging.columns()) {
          expected.add(column.name() + " " + StagingTable.stagingType(column.type()));
        }
        ps.setString(1, table.tableName());
        List<String> actual = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            actual.add(rs.getString(1));
          }
        }
        assertEquals(expected, actual, table.tableName());
      }
    }
  }

  @Test
  void caseIdIsJoinedAndArraysAreStagedAsText() {
    for (StagingTable staging : StagingTable.ALL) {
      assertEquals(
          CaseMappings.stagedColumns(staging.table()).subList(1, staging.columns().size() + 1),
          staging.columns(),
          "all converted columns but the leading IndexNumberId: " + staging.table());
      assertFalse(staging.stages(StagingTable.CASE_ID_COLUMN));
    }
    assertEquals("VARCHAR", StagingTable.stagingType(ColumnType.TEXT_ARRAY));
    assertEquals("DATE", StagingTable.stagingType(ColumnType.DATE));
  }

  @Test
  void addressStagingHoldsOnlyTheXmlColumns() {
    assertEquals(
        List.of("indexnumberid", "street1", "street2", "city", "state", "postalcode"),
        CaseMappings.stagedColumns(OcaTable.OCA_ADDRESSES).stream().map(Column::name).toList());
  }
}
