package org.ocaetl.promote;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.ocaetl.db.SqlIdentifier;
import org.ocaetl.db.SqlResource;
import org.ocaetl.model.OcaTable;
import org.ocaetl.rds.AwsS3Settings;
import org.ocaetl.store.StoreKeys;

/**
 * Lets the database read a staged CSV from S3 itself with RDS's {@code aws_s3.table_import_from_s3}
 * ({@code --pg-s3-import}): the rows never pass through the worker. The function runs COPY in the
 * calling session, so the import belongs to the promotion's transaction. Every value, credentials
 * included, is bound as a parameter.
 */
public final class S3ImportLandingLoader implements LandingLoader {
  /** The start of the function's result, e.g. {@code 1234 rows imported into relation "t" from file k of 5678 bytes}. */
  private static final Pattern IMPORTED = Pattern.compile("^\\s*(\\d+) rows? imported\\b");

  private final AwsS3Settings s3;

  public S3ImportLandingLoader(AwsS3Settings s3) {
    this.s3 = Objects.requireNonNull(s3, "s3");
  }

  @Override
  public long load(Connection connection, SqlIdentifier landingTable, OcaTable table, String fileName)
      throws SQLException {
    String sql =
        SqlResource.of(s3.credentials() == null
                ? "sql/promote/import_landing_table_from_s3.sql"
                : "sql/promote/import_landing_table_from_s3_with_credentials.sql")
            .render();
    String result;
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setString(1, landingTable.name());
      ps.setString(2, SqlIdentifier.columnsOf(table).stream().map(SqlIdentifier::quoted).collect(Collectors.joining(", ")));
      s3.bindS3Uri(ps, 3, StoreKeys.stagedCsv(fileName, table));
      if (s3.credentials() != null) {
        s3.bindCredentials(ps, 6);
      }
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        result = rs.getString(1);
      }
    }
    long imported = importedRows(result, table, fileName);
    long staged = stagedRows(connection, landingTable);
    if (staged != imported) {
      // The landing table was emptied before: anything else means the rows went somewhere else.
      throw new SQLException("aws_s3 reported " + imported + " rows imported from " + table.csvName() + " of "
          + fileName + " but " + landingTable + " holds " + staged + " in this transaction");
    }
    return imported;
  }

  private static long importedRows(String result, OcaTable table, String fileName) throws SQLException {
    Matcher m = result == null ? null : IMPORTED.matcher(result);
    if (m == null || !m.find()) {
      throw new SQLException("Unexpected result of aws_s3.table_import_from_s3 for " + table.csvName() + " of "
          + fileName + ": " + result);
    }
    return Long.parseLong(m.group(1));
  }

  private static long stagedRows(Connection connection, SqlIdentifier landingTable) throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement(
            SqlResource.of("sql/promote/count_landing_rows.sql").with("landing_table", landingTable).render());
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
