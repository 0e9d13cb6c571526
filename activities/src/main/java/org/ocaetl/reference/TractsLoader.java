package org.ocaetl.reference;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.ocaetl.db.SqlIdentifier;
import org.ocaetl.db.SqlResource;
import org.ocaetl.schema.PostgisSchema;

/**
 * {@code oca load-tracts}: replaces the {@code tracts} table (docs/tables.md#reference-tables, PostGIS only) with the
 * census tract boundaries of a CSV that has a WKT geometry column ({@code the_geom}, {@code wkt},
 * {@code geometry} or {@code geom}) and {@code geoid}; {@code statefp}, {@code countyfp} and
 * {@code tractce} come from their columns or, when a file (e.g. NYC Open Data's) has none, from the
 * 11-digit GEOID (2 + 3 + 6 digits). Polygons become MultiPolygons in WGS 84. One transaction: bad
 * input changes nothing.
 */
public final class TractsLoader extends ReferenceLoader {
  static final String TABLE = "tracts";
  private static final String BAD_GEOMETRY_STATE = "OC001";

  public TractsLoader(DataSource dataSource, String schema) {
    super(dataSource, schema, TABLE);
  }

  @Override
  long fill(Connection c, ReferenceCsv csv) throws IOException, SQLException {
    if (!PostgisSchema.useSchema(c, schema())) {
      throw new IllegalStateException("load-tracts needs PostGIS: schema " + schema() + " has no tracts table"
          + " (PostGIS is not installed in this database, could not be installed, or --postgis is off)");
    }
    int wkt = csv.column("the_geom", "wkt", "geometry", "geom");
    int geoid = csv.column("geoid");
    int statefp = csv.optionalColumn("statefp");
    int countyfp = csv.optionalColumn("countyfp");
    int tractce = csv.optionalColumn("tractce");
    int tractName = csv.optionalColumn("name");
    int namelsad = csv.optionalColumn("namelsad");
    try (Statement st = c.createStatement()) {
      st.execute(SqlResource.of("sql/reference/create_tracts_landing.sql").render());
    }
    long rows;
    try (CopyRows copy = new CopyRows(c, SqlResource.of("sql/reference/copy_tracts_landing.sql").render())) {
      while (csv.next()) {
        String id = required(csv, "geoid", csv.value(geoid));
        String geometry = required(csv, "geometry", csv.value(wkt));
        copy.row(
            Long.toString(csv.line()),
            part(csv, statefp, id, 0, 2),
            part(csv, countyfp, id, 2, 5),
            part(csv, tractce, id, 5, 11),
            id,
            csv.value(tractName),
            csv.value(namelsad),
            geometry);
      }
      rows = copy.finish();
    }
    try (Statement st = c.createStatement()) {
      st.execute(SqlResource.of("sql/reference/truncate_table.sql").with("table", SqlIdentifier.of(TABLE)).render());
      st.execute(SqlResource.of("sql/reference/insert_tracts.sql").render());
    } catch (SQLException e) {
      if (BAD_GEOMETRY_STATE.equals(e.getSQLState())) {
        throw new BadReferenceFileException(csv.fileName() + " " + serverMessage(e));
      }
      throw e;
    }
    return rows;
  }

  private static String required(ReferenceCsv csv, String column, String value) throws BadReferenceFileException {
    if (value == null) {
      throw csv.badValue(column, "", "present (it is empty)");
    }
    return value;
  }

  /** The file's own column when it has one, else digits {@code from..to} of an 11-digit GEOID. */
  private static String part(ReferenceCsv csv, int column, String geoid, int from, int to)
      throws BadReferenceFileException {
    if (column >= 0) {
      return csv.value(column);
    }
    if (!geoid.matches("\\d{11}")) {
      throw csv.badValue("geoid", geoid, "an 11-digit tract GEOID (the file has no statefp/countyfp/tractce)");
    }
    return geoid.substring(from, to);
  }

  private static String serverMessage(SQLException e) {
    return e instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null
        ? p.getServerErrorMessage().getMessage()
        : e.getMessage();
  }
}
