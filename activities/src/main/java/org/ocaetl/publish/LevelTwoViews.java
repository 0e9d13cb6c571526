package org.ocaetl.publish;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import org.ocaetl.db.Grant;
import org.ocaetl.db.SchemaSession;
import org.ocaetl.db.SqlIdentifier;
import org.ocaetl.db.SqlResource;
import org.ocaetl.schema.PostgisSchema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The level-2 views (docs/tables.md#views), redefined in the configured schema before every publish, and
 * the configured grants applied after them, all in one transaction: a publish either has its views
 * and grants in place or changes nothing. The tract view exists only where the schema uses PostGIS.
 */
public final class LevelTwoViews {
  public static final SqlIdentifier WITH_BBL = SqlIdentifier.of("oca_addresses_with_bbl");
  public static final SqlIdentifier WITH_CT = SqlIdentifier.of("oca_addresses_with_ct");

  private static final Logger LOG = LoggerFactory.getLogger(LevelTwoViews.class);

  private final DataSource dataSource;
  private final List<Grant> grants;

  public LevelTwoViews(DataSource dataSource, List<Grant> grants) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.grants = List.copyOf(grants);
  }

  /** Redefines the views of {@code schema} and applies the grants; returns the views it has now. */
  public List<SqlIdentifier> rebuild(String schema) throws SQLException {
    SqlIdentifier oca = SqlIdentifier.of(schema);
    try (Connection c = SchemaSession.begin(dataSource, oca)) {
      try {
        requireRoles(c, grants);
        List<SqlIdentifier> views = new ArrayList<>(List.of(WITH_BBL));
        boolean postgis = PostgisSchema.useSchema(c, oca);
        try (Statement st = c.createStatement()) {
          st.execute(SqlResource.of("sql/publish/create_view_with_bbl.sql").render());
          if (postgis) {
            st.execute(SqlResource.of("sql/publish/create_view_with_ct.sql").render());
            views.add(WITH_CT);
          } else {
            LOG.info("Schema {} does not use PostGIS: {} is not built or published", oca, WITH_CT);
          }
          for (Grant grant : grants) {
            st.execute(
                SqlResource.of("sql/publish/grant_privilege.sql")
                    .with("schema", oca)
                    .with("role", grant.role())
                    .with("privilege", grant.privilege())
                    .render());
          }
        }
        c.commit();
        return List.copyOf(views);
      } catch (SQLException | RuntimeException e) {
        SchemaSession.closeAfterFailure(c, e);
        throw e;
      }
    }
  }

  /** Fails with {@link GrantConfigurationException} naming every configured role that does not exist. */
  public static void requireRoles(Connection c, List<Grant> grants) throws SQLException {
    Set<String> wanted = new LinkedHashSet<>();
    grants.forEach(g -> wanted.add(g.role().name()));
    if (wanted.isEmpty()) {
      return;
    }
    Array names = c.createArrayOf("text", wanted.toArray());
    try (PreparedStatement ps = c.prepareStatement(SqlResource.of("sql/publish/existing_roles.sql").render())) {
      ps.setArray(1, names);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          wanted.remove(rs.getString(1));
        }
      }
    }
    if (!wanted.isEmpty()) {
      throw new GrantConfigurationException(
          "Configured grant role(s) " + wanted + " do not exist in the database: create them or fix"
              + " --grant / OCA_GRANTS; nothing was published");
    }
  }

  /** A configured grant that cannot be applied: retrying cannot help, the configuration must change. */
  public static final class GrantConfigurationException extends IllegalStateException {
    public GrantConfigurationException(String message) {
      super(message);
    }
  }
}
