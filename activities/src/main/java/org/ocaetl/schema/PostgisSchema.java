package org.ocaetl.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.ocaetl.db.PostgisMode;
import org.ocaetl.db.SchemaSession;
import org.ocaetl.db.SqlIdentifier;
import org.ocaetl.db.SqlResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostGIS part of the schema (docs/tables.md#oca_addresses {@code geom}, §4 {@code tracts}), which exists
 * only where the database has PostGIS. It cannot be a Flyway migration, being conditional, so it
 * runs after Flyway at every start and is idempotent: it creates what is missing and touches
 * nothing that is there. Without PostGIS (or with {@code --postgis off}) the schema simply has no
 * geom column, no tracts table and, at publish, no tract view; one log line says so.
 */
public final class PostgisSchema {
  private static final Logger LOG = LoggerFactory.getLogger(PostgisSchema.class);
  /** Advisory lock key of the set-up (any constant other sessions of this database do not use). */
  private static final long LOCK_KEY = 0x6f63612d67697331L; // "oca-gis1"

  private PostgisSchema() {}

  /**
   * Makes sure {@code schema} (already migrated by Flyway) has its PostGIS objects when
   * {@code mode} allows; returns whether the schema uses PostGIS.
   */
  public static boolean prepare(DataSource dataSource, String schema, PostgisMode mode) throws SQLException {
    SqlIdentifier oca = SqlIdentifier.of(schema);
    if (mode == PostgisMode.OFF) {
      LOG.info("PostGIS off (--postgis off): schema {} gets no geom column, no tracts table and no"
          + " oca_addresses_with_ct view", oca);
      return false;
    }
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        boolean ready = prepare(c, oca);
        c.commit();
        return ready;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  private static boolean prepare(Connection c, SqlIdentifier oca) throws SQLException {
    try (PreparedStatement lock = c.prepareStatement(SqlResource.of("sql/schema/postgis_lock.sql").render())) {
      lock.setLong(1, LOCK_KEY);
      lock.execute();
    }
    Optional<SqlIdentifier> extension = extensionSchema(c);
    if (extension.isEmpty()) {
      Savepoint beforeCreate = c.setSavepoint();
      try (Statement st = c.createStatement()) {
        st.execute(SqlResource.of("sql/schema/postgis_create_extension.sql").render());
        extension = extensionSchema(c);
        LOG.info("Installed the PostGIS extension (schema {})", extension.orElseThrow());
      } catch (SQLException e) {
        c.rollback(beforeCreate);
        LOG.warn("PostGIS is not available ({}; SQLState {}): schema {} goes without the geom column,"
            + " the tracts table and the oca_addresses_with_ct view", firstLine(e), e.getSQLState(), oca);
        return false;
      }
    }
    SchemaSession.useSchemas(c, List.of(oca, extension.orElseThrow()));
    List<String> created = new ArrayList<>();
    try (Statement st = c.createStatement();
        ResultSet present = st.executeQuery(SqlResource.of("sql/schema/postgis_objects_present.sql").render())) {
      present.next();
      boolean hasGeom = present.getBoolean("has_geom");
      boolean hasTracts = present.getBoolean("has_tracts");
      if (!hasGeom) {
        st.execute(SqlResource.of("sql/schema/postgis_add_geom.sql").render());
        created.add("oca_addresses.geom");
      }
      if (!hasTracts) {
        st.execute(SqlResource.of("sql/schema/postgis_create_tracts.sql").render());
        created.add("tracts");
      }
    }
    LOG.info("PostGIS in use for schema {} (extension in schema {}){}", oca, extension.orElseThrow(),
        created.isEmpty() ? "" : ": created " + String.join(", ", created));
    return true;
  }

  /** The schema the PostGIS extension is installed in, if it is installed in this database. */
  public static Optional<SqlIdentifier> extensionSchema(Connection c) throws SQLException {
    try (Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(SqlResource.of("sql/schema/postgis_extension_schema.sql").render())) {
      return rs.next() ? Optional.of(SqlIdentifier.of(rs.getString(1))) : Optional.empty();
    }
  }

  /**
   * Points the current transaction at {@code schema}, followed by the PostGIS schema when the
   * extension is installed and {@code schema} has its PostGIS objects; returns whether it has.
   */
  public static boolean useSchema(Connection c, SqlIdentifier schema) throws SQLException {
    SchemaSession.useSchema(c, schema);
    Optional<SqlIdentifier> extension = extensionSchema(c);
    if (extension.isEmpty()) {
      return false;
    }
    try (Statement st = c.createStatement();
        ResultSet present = st.executeQuery(SqlResource.of("sql/schema/postgis_objects_present.sql").render())) {
      present.next();
      if (!present.getBoolean("has_geom") || !present.getBoolean("has_tracts")) {
        return false;
      }
    }
    SchemaSession.useSchemas(c, List.of(schema, extension.get()));
    return true;
  }

  private static String firstLine(SQLException e) {
    String message = String.valueOf(e.getMessage());
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }
}
