package org.ocaetl.testing;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.ocaetl.schema.SchemaMigrator;

/**
 * A {@link PostgresTestDatabase} per test class: created before all its tests (before its own
 * {@code @BeforeAll} methods), dropped after all of them (after its {@code @AfterAll} methods).
 *
 * <pre>{@code
 * @RegisterExtension
 * static final PostgresDatabaseExtension db = new PostgresDatabaseExtension().withSchema("step");
 * }</pre>
 */
public final class PostgresDatabaseExtension implements BeforeAllCallback, AfterAllCallback {
  private String schema;
  private PostgresTestDatabase database;

  /** Also migrates the oca schema {@code schema} once, for classes whose tests share it. */
  public PostgresDatabaseExtension withSchema(String schema) {
    this.schema = schema;
    return this;
  }

  @Override
  public void beforeAll(ExtensionContext context) throws SQLException {
    PostgresTestDatabase created = PostgresTestDatabase.create(context.getRequiredTestClass());
    try {
      if (schema != null) {
        SchemaMigrator.migrate(created.dataSource(), schema);
      }
    } catch (RuntimeException e) {
      created.close();
      throw e;
    }
    database = created;
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (database != null) {
      database.close();
      database = null;
    }
  }

  /** The database itself, for fixtures that take one. */
  public PostgresTestDatabase database() {
    if (database == null) {
      throw new IllegalStateException(
          "No test database: register the extension on a static field with @RegisterExtension,"
              + " and use it in or after @BeforeAll");
    }
    return database;
  }

  public DataSource dataSource() {
    return database().dataSource();
  }

  public String jdbcUrl() {
    return database().jdbcUrl();
  }

  public String name() {
    return database().name();
  }
}
