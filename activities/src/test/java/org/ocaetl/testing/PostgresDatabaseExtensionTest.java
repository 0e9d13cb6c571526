package org.ocaetl.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.postgresql.ds.PGSimpleDataSource;

class PostgresDatabaseExtensionTest {

  /** Run by the launcher below (Surefire does not pick up nested classes). */
  static class UsesAMigratedDatabase {
    @RegisterExtension
    static final PostgresDatabaseExtension db = new PostgresDatabaseExtension().withSchema("ext");

    static String jdbcUrl;

    @Test
    void seesItsOwnMigratedDatabase() throws Exception {
      jdbcUrl = db.jdbcUrl();
      try (Connection c = db.dataSource().getConnection();
          Statement st = c.createStatement();
          ResultSet rs = st.executeQuery("SELECT current_database()")) {
        rs.next();
        assertEquals(db.name(), rs.getString(1));
      }
      try (Connection c = db.dataSource().getConnection();
          PreparedStatement st = c.prepareStatement(
              "SELECT count(*) FROM information_schema.tables WHERE table_schema = ? AND table_name = ?")) {
        st.setString(1, "ext");
        st.setString(2, "oca_index");
        try (ResultSet rs = st.executeQuery()) {
          rs.next();
          assertEquals(1, rs.getInt(1), "the schema is migrated before the tests");
        }
      }
    }
  }

  @Test
  void createsAndMigratesTheDatabaseBeforeAllTestsAndDropsItAfterAll() {
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create()
        .execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(UsesAMigratedDatabase.class)).build(), listener);
    TestExecutionSummary summary = listener.getSummary();
    StringWriter failures = new StringWriter();
    summary.printFailuresTo(new PrintWriter(failures), 20);
    assertEquals(1, summary.getTestsSucceededCount(), failures.toString());

    PGSimpleDataSource dropped = new PGSimpleDataSource();
    dropped.setURL(UsesAMigratedDatabase.jdbcUrl);
    SQLException gone = assertThrows(SQLException.class, () -> dropped.getConnection().close(), "dropped after all");
    assertEquals("3D000", gone.getSQLState(), gone.getMessage()); // invalid_catalog_name
  }

  @Test
  void sayHowToRegisterItWhenUsedOutsideItsLifecycle() {
    IllegalStateException early = assertThrows(IllegalStateException.class, () -> new PostgresDatabaseExtension().dataSource());
    assertEquals(
        "No test database: register the extension on a static field with @RegisterExtension, and use it in or after @BeforeAll",
        early.getMessage());
  }
}
