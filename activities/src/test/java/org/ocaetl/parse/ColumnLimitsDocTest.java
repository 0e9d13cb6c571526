package org.ocaetl.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.ocaetl.model.Column;
import org.ocaetl.model.OcaTable;

/**
 * docs/column-limits.md lists exactly the limits the conversion checks: every column read from the
 * XML with a length limit, with that limit.
 */
class ColumnLimitsDocTest {
  private static final Path DOC = Path.of("..", "docs", "column-limits.md");
  private static final String EVERY_DATA_TABLE = "every data table";
  private static final Pattern NAME = Pattern.compile("`([a-z_0-9]+)`");

  @Test
  void theDocumentListsEveryLimitOfTheColumnsReadFromTheXml() throws Exception {
    Set<String> checked = new TreeSet<>();
    for (TableMapping mapping : CaseMappings.ALL) {
      for (int i = 0; i < mapping.columns().size(); i++) {
        Column column = mapping.columns().get(i);
        if (!(mapping.sources().get(i) instanceof ColumnSource.Derived)
            && column.maxLength() != Column.FIXED_FORMAT) {
          checked.add(entry(mapping.table(), column));
        }
      }
    }
    checked.add(entry(OcaTable.OCA_METADATA, OcaTable.OCA_METADATA.column("indexnumberid")));

    assertEquals(checked, documented());
  }

  private static String entry(OcaTable table, Column column) {
    return table.tableName() + "." + column.name() + " " + column.maxLength();
  }

  /** "table.column limit" for every row of the limits table. */
  private static Set<String> documented() throws Exception {
    Set<String> out = new TreeSet<>();
    for (String line : Files.readAllLines(DOC)) {
      String[] cells = line.split("\\|");
      if (cells.length < 5 || !cells[3].trim().matches("\\d+")) {
        continue;
      }
      List<OcaTable> tables = new ArrayList<>();
      if (cells[1].contains(EVERY_DATA_TABLE)) {
        tables.addAll(OcaTable.DATA_TABLES);
      }
      for (String name : names(cells[1])) {
        tables.add(OcaTable.valueOf(name.toUpperCase()));
      }
      for (String columnName : names(cells[2])) {
        for (OcaTable table : tables) {
          if (table.columns().stream().anyMatch(c -> c.name().equals(columnName))) {
            out.add(table.tableName() + "." + columnName + " " + cells[3].trim());
          }
        }
      }
    }
    return out;
  }

  private static List<String> names(String cell) {
    List<String> names = new ArrayList<>();
    Matcher m = NAME.matcher(cell);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }
}
