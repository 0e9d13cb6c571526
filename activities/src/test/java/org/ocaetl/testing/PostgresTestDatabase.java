package org.ocaetl.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A throw-away database on the real PostgreSQL server, one per test class. The server is the one
 * on 127.0.0.1:5432 (trust auth) unless {@code OCA_TEST_PG_URL} names another admin JDBC URL.
 * Test classes get one through {@link PostgresDatabaseExtension}; {@link #create} is for a test
 * that needs a second database of its own.
 */
public final class PostgresTestDatabase implements AutoCloseable {
  private static final String ADMIN_URL =
      System.getenv().getOrDefault(
          "OCA_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");

  private final String name;
  private final PGSimpleDataSource dataSource;

  private PostgresTestDatabase(String name) {
    this.name = name;
    this.dataSource = new PGSimpleDataSource();
    dataSource.setURL(ADMIN_URL);
    dataSource.setDatabaseName(name);
  }

  /** Creates a fresh database named after the test class. */
  public static PostgresTestDatabase create(Class<?> testClass) throws SQLException {
    String name =
        ("oca_t_" + testClass.getSimpleName() + "_" + UUID.randomUUID().toString().substring(0, 8))
            .toLowerCase(Locale.ROOT);
    try (Connection admin = DriverManager.getConnection(ADMIN_URL);
        Statement st = admin.createStatement()) {
      st.execute("CREATE DATABASE " + name); // name is generated above: [a-z0-9_] only
    }
    return new PostgresTestDatabase(name);
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** JDBC URL of the test database (with the admin URL's user and parameters). */
  public String jdbcUrl() {
    return dataSource.getURL();
  }

  public String name() {
    return name;
  }

  @Override
  public void close() {
    try (Connection admin = DriverManager.getConnection(ADMIN_URL);
        Statement st = admin.createStatement()) {
      st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    } catch (SQLException e) {
      throw new IllegalStateException("Could not drop test database " + name, e);
    }
  }
}
