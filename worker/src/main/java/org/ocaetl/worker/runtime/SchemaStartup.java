package org.ocaetl.worker.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.ocaetl.db.DatabaseUrl;
import org.ocaetl.publish.LevelTwoViews;
import org.ocaetl.schema.SchemaMigrator;
import org.ocaetl.worker.cli.DatabaseFailures;

/**
 * What every command that runs the pipeline does to the database first: the Flyway migrations,
 * the PostGIS objects its setting allows, and a check that the configured grant roles exist, so a
 * misconfigured role fails at start rather than at the first publish.
 */
public final class SchemaStartup {
  private SchemaStartup() {}

  /**
   * Returns how many migrations ran. A database that cannot be reached or a schema that is not
   * oca's fails with a one-line {@code CommandFailure}.
   */
  public static int prepare(WorkerConfig config) {
    return DatabaseFailures.explained(config.databaseUrl(), config.schema(), () -> migrate(config));
  }

  private static int migrate(WorkerConfig config) {
    DataSource database = DatabaseUrl.parse(config.databaseUrl());
    int migrations = SchemaMigrator.migrate(database, config.schema(), config.schemaSetup().postgis());
    try (Connection c = database.getConnection()) {
      LevelTwoViews.requireRoles(c, config.schemaSetup().grants());
    } catch (SQLException e) {
      throw new IllegalStateException("Checking the grant roles failed: " + e.getMessage(), e);
    }
    return migrations;
  }
}
