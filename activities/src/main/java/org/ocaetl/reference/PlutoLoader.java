package org.ocaetl.reference;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.ocaetl.db.SqlIdentifier;
import org.ocaetl.db.SqlResource;

/**
 * {@code oca load-pluto}: replaces the {@code pluto} table (docs/tables.md#reference-tables) with one PLUTO release,
 * streamed from its CSV (about 90 columns; the eight used are found by header name) into COPY, and
 * records the release, all in one transaction. A bad line fails the load before anything changes.
 */
public final class PlutoLoader extends ReferenceLoader {
  static final String TABLE = "pluto";

  public PlutoLoader(DataSource dataSource, String schema) {
    super(dataSource, schema, TABLE);
  }

  @Override
  long fill(Connection c, ReferenceCsv csv) throws IOException, SQLException {
    int bbl = csv.column("bbl");
    int unitsres = csv.column("unitsres");
    int bct2020 = csv.column("bct2020");
    int bctcb2020 = csv.column("bctcb2020");
    int ct2010 = csv.column("ct2010");
    int cb2010 = csv.column("cb2010");
    int cd = csv.column("cd");
    int council = csv.column("council");
    try (Statement st = c.createStatement()) {
      st.execute(SqlResource.of("sql/reference/truncate_table.sql").with("table", SqlIdentifier.of(TABLE)).render());
    }
    try (CopyRows copy = new CopyRows(c, SqlResource.of("sql/reference/copy_pluto.sql").render())) {
      while (csv.next()) {
        copy.row(
            bbl(csv, csv.value(bbl)),
            integer(csv, "unitsres", csv.value(unitsres)),
            csv.value(bct2020),
            csv.value(bctcb2020),
            ct2010(csv, csv.value(ct2010)),
            csv.value(cb2010),
            csv.value(cd),
            csv.value(council));
      }
      return copy.finish();
    }
  }

  /** PLUTO's numeric BBL as text without decimals: round(bbl::numeric, 0)::text (docs/tables.md#reference-tables). */
  private static String bbl(ReferenceCsv csv, String value) throws BadReferenceFileException {
    // HALF_UP rounds half away from zero, as PostgreSQL's round(numeric) does.
    return value == null ? null : number(csv, "bbl", value).setScale(0, RoundingMode.HALF_UP).toPlainString();
  }

  /** A whole number that fits int4 (PLUTO writes some as 12.0). */
  private static String integer(ReferenceCsv csv, String column, String value) throws BadReferenceFileException {
    if (value == null) {
      return null;
    }
    try {
      return Integer.toString(number(csv, column, value).intValueExact());
    } catch (ArithmeticException e) {
      throw csv.badValue(column, value, "a whole number within int4");
    }
  }

  /** numeric(10, 2): rounded to two decimals, at most eight digits before the point. */
  private static String ct2010(ReferenceCsv csv, String value) throws BadReferenceFileException {
    if (value == null) {
      return null;
    }
    BigDecimal rounded = number(csv, "ct2010", value).setScale(2, RoundingMode.HALF_UP);
    if (rounded.precision() > 10) {
      throw csv.badValue("ct2010", value, "a number that fits numeric(10,2)");
    }
    return rounded.toPlainString();
  }

  private static BigDecimal number(ReferenceCsv csv, String column, String value) throws BadReferenceFileException {
    try {
      BigDecimal n = new BigDecimal(value);
      if (n.abs().compareTo(BigDecimal.TEN.pow(30)) > 0) {
        throw new NumberFormatException("too large");
      }
      return n;
    } catch (NumberFormatException e) {
      throw csv.badValue(column, value, "a number");
    }
  }
}
