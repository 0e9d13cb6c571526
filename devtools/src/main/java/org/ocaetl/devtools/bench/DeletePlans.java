package org.ocaetl.devtools.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
import org.ocaetl.promote.CopyLandingLoader;
import org.ocaetl.promote.LandingLoader;
import org.ocaetl.store.ObjectStore;

/**
 * The plans of a promotion's per-table deletes (sql/promote/delete_case_rows.sql) for one staged
 * file promoted alone (a net change set of one file), run and rolled back: whether each child table
 * is probed through its indexnumberid index rather than scanned. The file is staged, appended to the
 * net tables and decided with the promotion's own statements and loader, in the order the
 * promotion runs them (its temp tables are package-private to the promote package).
 */
final class DeletePlans {
  private static final SqlIdentifier NET_DECISION = SqlIdentifier.of("net_decision");

  private final DataSource database;
  private final SqlIdentifier schema;
  private final LandingLoader loader;
  private final PrintWriter out;

  DeletePlans(DataSource database, SqlIdentifier schema, ObjectStore store, PrintWriter out) {
    this.database = database;
    this.schema = schema;
    this.loader = new CopyLandingLoader(store);
    this.out = out;
  }

  /** Prints "-- table" and the plan's lines for each child table; changes nothing. */
  void print(String fileName) throws SQLException, IOException {
    try (Connection c = SchemaSession.begin(database, schema); Statement st = c.createStatement()) {
      stage(c, st, fileName);
      st.execute(SqlResource.of("sql/promote/classify_net_cases.sql").render());
      st.executeQuery(SqlResource.of("sql/promote/decide_net_cases.sql").render()).close();
      st.execute(SqlResource.of("sql/promote/analyze_tables.sql").with("tables", List.of(NET_DECISION)).render());
      for (OcaTable child : OcaTable.CHILD_TABLES) {
        SqlResource delete = SqlResource.of("sql/promote/delete_case_rows.sql")
            .with("table", SqlIdentifier.of(child.tableName()));
        out.println("-- " + child.tableName());
        try (PreparedStatement explain = c.prepareStatement(
            SqlResource.of("sql/bench/promotion/explain_analyze.sql").with("statement", delete).render())) {
          explain.setString(1, child.tableName());
          try (ResultSet plan = explain.executeQuery()) {
            while (plan.next()) {
              out.println("   " + plan.getString(1));
            }
          }
        }
      }
      out.flush();
      c.rollback();
    }
  }

  /** The file's CSVs staged and appended to the net tables at position 1, as the promotion leaves them. */
  private void stage(Connection c, Statement st, String fileName) throws SQLException, IOException {
    List<SqlIdentifier> netTables = new ArrayList<>();
    for (OcaTable table : OcaTable.values()) {
      st.execute(SqlResource.of("sql/promote/create_landing_table.sql")
          .with("landing_table", landingTable(table))
          .with("table", SqlIdentifier.of(table.tableName()))
          .render());
      st.execute(SqlResource.of("sql/promote/create_net_table.sql")
          .with("net_table", netTable(table))
          .with("table", SqlIdentifier.of(table.tableName()))
          .render());
      netTables.add(netTable(table));
    }
    st.execute(SqlResource.of("sql/promote/create_work_tables.sql").render());
    for (OcaTable table : OcaTable.values()) {
      loader.load(c, landingTable(table), table, fileName);
      boolean metadata = table == OcaTable.OCA_METADATA;
      SqlResource sql = metadata
          ? SqlResource.of("sql/promote/append_net_metadata.sql")
          : SqlResource.of("sql/promote/append_net_rows.sql")
              .with("net_table", netTable(table))
              .with("landing_table", landingTable(table));
      try (PreparedStatement append = c.prepareStatement(
          sql.with("columns", SqlIdentifier.columnsOf(table)).render())) {
        append.setInt(1, 1);
        if (!metadata) {
          append.setString(2, table.tableName());
          append.setInt(3, 1);
        }
        append.executeUpdate();
      }
    }
    st.execute(SqlResource.of("sql/promote/analyze_tables.sql").with("tables", netTables).render());
  }

  private static SqlIdentifier landingTable(OcaTable table) {
    return SqlIdentifier.of("landing_" + table.tableName());
  }

  private static SqlIdentifier netTable(OcaTable table) {
    return SqlIdentifier.of("net_" + table.tableName());
  }
}
