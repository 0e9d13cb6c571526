package org.ocaetl.stage;

import java.util.List;
import org.ocaetl.model.Column;
import org.ocaetl.model.ColumnType;
import org.ocaetl.model.OcaTable;
import org.ocaetl.parse.CaseMappings;

/**
 * The staging layout of one data table, shared by the DDL check, the appender and the export. A
 * converted row holds the table's leading catalog columns ({@link CaseMappings#stagedColumns}),
 * IndexNumberId first; the staging table stores them after {@code case_seq} and {@code ord}
 * except that IndexNumberId: every row of a case would repeat the same 64 characters, so the
 * export joins it from {@code cases} by {@code case_seq} instead. Arrays are stored as their
 * finished PostgreSQL literal ({@link PgTextArray}), one VARCHAR instead of a DuckDB LIST.
 *
 * @param table the data table
 * @param columns the staged columns, in order (after {@code case_seq} and {@code ord})
 */
record StagingTable(OcaTable table, List<Column> columns) {
  /** The column every converted row starts with and no staging table stores. */
  static final String CASE_ID_COLUMN = "indexnumberid";

  /** Position in a converted row of the first staged column (the case id comes before it). */
  static final int FIRST_STAGED_VALUE = 1;

  /** All eleven data tables, in {@link OcaTable#DATA_TABLES} order. */
  static final List<StagingTable> ALL =
      OcaTable.DATA_TABLES.stream().map(StagingTable::of).toList();

  static StagingTable of(OcaTable table) {
    List<Column> converted = CaseMappings.stagedColumns(table);
    if (!converted.get(0).name().equals(CASE_ID_COLUMN)) {
      throw new IllegalStateException(
          table.tableName() + " rows do not start with " + CASE_ID_COLUMN);
    }
    return new StagingTable(table, converted.subList(FIRST_STAGED_VALUE, converted.size()));
  }

  /** The DuckDB type a staged value of this column type is stored as. */
  static String stagingType(ColumnType type) {
    return type == ColumnType.TEXT_ARRAY ? "VARCHAR" : type.duckdb();
  }

  /** Whether the catalog column {@code name} is staged (not joined, not exported as NULL). */
  boolean stages(String name) {
    return columns.stream().anyMatch(c -> c.name().equals(name));
  }
}
