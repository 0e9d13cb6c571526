package org.ocaetl.schema;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.ocaetl.db.PostgisMode;
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

  /** {@link #migrate(DataSource, String, PostgisMode)} with PostGIS where available. */
  public static int migrate(DataSource dataSource, String schema) {
    return migrate(dataSource, schema, PostgisMode.AUTO);
  }

  /**
   * Applies pending migrations to {@code schema}, then the PostGIS objects {@code postgis} allows
   * ({@link PostgisSchema}); returns how many migrations ran (0 when up to date).
   */
  public static int migrate(DataSource dataSource, String schema, PostgisMode postgis) {
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
    try {
      PostgisSchema.prepare(dataSource, validated, postgis);
    } catch (SQLException e) {
      throw new IllegalStateException("PostGIS set-up of schema " + validated + " failed: " + e.getMessage(), e);
    }
    return result.migrationsExecuted;
  }
}
