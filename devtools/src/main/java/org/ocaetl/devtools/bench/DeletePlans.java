package org.ocaetl.devtools.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.ocaetl.db.SchemaSession;
import org.ocaetl.db.SqlIdentifier;
import org.ocaetl.db.SqlResource;
import org.ocaetl.model.OcaTable;
import org.ocaetl.promote.CopyStageLoader;
import org.ocaetl.promote.StageLoader;
import org.ocaetl.store.ObjectStore;

/**
 * The plans of a promotion's per-table deletes (sql/promote/delete_case_rows.sql) for one staged
 * file, run and rolled back: whether each child table is probed through its indexnumberid index
 * rather than scanned. The file is staged with the promotion's own statements and loader, in the
 * order the promotion runs them (its stage tables are package-private to the promote package).
 */
final class DeletePlans {
  private static final SqlIdentifier CASE_DECISION = SqlIdentifier.of("stage_case_decision");

  private final DataSource database;
  private final SqlIdentifier schema;
  private final StageLoader loader;
  private final PrintWriter out;

  DeletePlans(DataSource database, SqlIdentifier schema, ObjectStore store, PrintWriter out) {
    this.database = database;
    this.schema = schema;
    this.loader = new CopyStageLoader(store);
    this.out = out;
  }

  /** Prints "-- table" and the plan's lines for each child table; changes nothing. */
  void print(String fileName) throws SQLException, IOException {
    try (Connection c = SchemaSession.begin(database, schema); Statement st = c.createStatement()) {
      stage(c, st, fileName);
      st.executeQuery(SqlResource.of("sql/promote/classify_cases.sql").render()).close();
      st.execute(SqlResource.of("sql/promote/analyze_tables.sql").with("tables", List.of(CASE_DECISION)).render());
      for (OcaTable child : OcaTable.CHILD_TABLES) {
        SqlResource delete = SqlResource.of("sql/promote/delete_case_rows.sql")
            .with("table", SqlIdentifier.of(child.tableName()));
        out.println("-- " + child.tableName());
        try (ResultSet plan = st.executeQuery(
            SqlResource.of("sql/bench/promotion/explain_analyze.sql").with("statement", delete).render())) {
          while (plan.next()) {
            out.println("   " + plan.getString(1));
          }
        }
      }
      out.flush();
      c.rollback();
    }
  }

  /** The stage tables filled with {@code fileName}'s CSVs, their statistics fresh, as the promotion leaves them. */
  private void stage(Connection c, Statement st, String fileName) throws SQLException, IOException {
    List<SqlIdentifier> stageTables = new ArrayList<>();
    for (OcaTable table : OcaTable.values()) {
      SqlIdentifier stageTable = SqlIdentifier.of("stage_" + table.tableName());
      st.execute(SqlResource.of("sql/promote/create_stage_table.sql")
          .with("stage_table", stageTable)
          .with("table", SqlIdentifier.of(table.tableName()))
          .render());
      stageTables.add(stageTable);
    }
    st.execute(SqlResource.of("sql/promote/create_work_tables.sql").render());
    for (OcaTable table : OcaTable.values()) {
      loader.load(c, stageTables.get(table.ordinal()), table, fileName);
    }
    st.execute(SqlResource.of("sql/promote/analyze_tables.sql").with("tables", stageTables).render());
  }
}
