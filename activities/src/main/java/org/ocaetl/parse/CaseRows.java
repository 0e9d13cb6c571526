package org.ocaetl.parse;

import java.util.ArrayList;
import java.util.List;
import org.ocaetl.model.OcaTable;

/**
 * The rows of one converted case, per data table, in document order. A row is an array of the
 * table's staged column values: String (text, numeric), LocalDate, LocalDateTime, Integer, Long,
 * Boolean or List&lt;String&gt; (arrays), null for NULL.
 */
public final class CaseRows {
  private final List<List<Object[]>> byTable = new ArrayList<>(OcaTable.values().length);

  CaseRows() {
    for (int i = 0; i < OcaTable.values().length; i++) {
      byTable.add(List.of());
    }
  }

  void add(OcaTable table, Object[] row) {
    List<Object[]> rows = byTable.get(table.ordinal());
    if (rows.isEmpty()) {
      rows = new ArrayList<>(4);
      byTable.set(table.ordinal(), rows);
    }
    rows.add(row);
  }

  /** The rows of {@code table}, empty when the case has none. */
  public List<Object[]> rows(OcaTable table) {
    return byTable.get(table.ordinal());
  }
}
