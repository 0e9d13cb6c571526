package org.ocaetl.model;

/** The PostgreSQL types used by the target tables (docs/tables.md), with their DuckDB staging twins. */
public enum ColumnType {
  TEXT("text", "VARCHAR"),
  DATE("date", "DATE"),
  TIMESTAMP("timestamp", "TIMESTAMP"),
  INT("int", "INTEGER"),
  BIGINT("bigint", "BIGINT"),
  /** Exact decimals are staged as their validated source text so no digit is ever rounded (docs/processing-rules.md#rule-10). */
  NUMERIC("numeric", "VARCHAR"),
  BOOLEAN("boolean", "BOOLEAN"),
  REAL("real", "REAL"),
  TEXT_ARRAY("text[]", "VARCHAR[]");

  private final String postgres;
  private final String duckdb;

  ColumnType(String postgres, String duckdb) {
    this.postgres = postgres;
    this.duckdb = duckdb;
  }

  public String postgres() {
    return postgres;
  }

  public String duckdb() {
    return duckdb;
  }
}
