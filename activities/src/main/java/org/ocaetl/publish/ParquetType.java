package org.ocaetl.publish;

import org.ocaetl.db.SqlKeyword;
import org.ocaetl.model.ColumnType;

/**
 * The DuckDB type a published column is written as in Parquet: the staging type of the catalog,
 * except that numerics become {@code DECIMAL(38, scale)} (staging keeps them as text). Built only
 * from a catalog type and a scale, so its text is never configuration.
 */
record ParquetType(String sql) implements SqlKeyword {
  /** DuckDB's largest decimal precision. */
  static final int MAX_PRECISION = 38;

  static ParquetType of(ColumnType type, int scale) {
    if (type != ColumnType.NUMERIC) {
      return new ParquetType(type.duckdb());
    }
    if (scale < 0 || scale > MAX_PRECISION) {
      throw new IllegalArgumentException("Decimal scale out of range: " + scale);
    }
    return new ParquetType("DECIMAL(" + MAX_PRECISION + ", " + scale + ")");
  }
}
