package org.ocaetl.db;

/**
 * A fixed SQL keyword chosen from configuration (e.g. a privilege of GRANT), spliced like an
 * identifier because PostgreSQL cannot bind it. Implemented by enums only, so the text is one of
 * the constants in the code, never configuration text.
 */
public interface SqlKeyword {
  /** The keyword as SQL text. */
  String sql();
}
