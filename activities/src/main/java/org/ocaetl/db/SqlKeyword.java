package org.ocaetl.db;

/**
 * A fixed SQL keyword chosen from configuration or the catalog (a privilege of GRANT, a column's
 * DuckDB type), spliced like an identifier because SQL cannot bind it. Implemented by enums, or
 * taken from an enum constant's field, so the text is one of the constants in the code, never
 * configuration text.
 */
public interface SqlKeyword {
  /** The keyword as SQL text. */
  String sql();
}
