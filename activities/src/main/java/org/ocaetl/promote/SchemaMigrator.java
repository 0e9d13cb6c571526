package org.ocaetl.promote;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.ocaetl.db.SqlIdentifier;

/**
 * Creates or upgrades the oca-etl tables in one configurable schema with the Flyway migrations
 * under {@code db/migration}. Flyway creates the schema if needed, keeps its history table there
 * and runs every migration with the search path set to it, so the migrations name no schema and
 * two schemas can live side by side in one database. Flyway also serialises concurrent migrations
 * of the same schema with its own lock.
 */
public final class SchemaMigrator {
  static final String LOCATION = "classpath:db/migration";

  private SchemaMigrator() {}

  /** Applies pending migrations to {@code schema}; returns how many ran (0 when up to date). */
  public static int migrate(DataSource dataSource, String schema) {
    String validated = SqlIdentifier.require(schema);
    MigrateResult result =
        Flyway.configure()
            .dataSource(dataSource)
            .schemas(validated)
            .createSchemas(true)
            .locations(LOCATION)
            .failOnMissingLocations(true)
            .load()
            .migrate();
    return result.migrationsExecuted;
  }
}
