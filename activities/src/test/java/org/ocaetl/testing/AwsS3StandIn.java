package org.ocaetl.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Installs the same-signature stand-in of RDS's aws_s3 / aws_commons extensions
 * (test resource sql/testing/aws_s3_stand_in.sql) into a test database, pointed at the test S3
 * server, so that the production SQL calling {@code aws_s3.table_import_from_s3} and {@code
 * aws_s3.query_export_to_s3} runs unchanged. Needs a superuser (COPY ... PROGRAM) and curl.
 */
public final class AwsS3StandIn {
  private AwsS3StandIn() {}

  /** Installs the functions and sets the server's URL for every later session of the database. */
  public static void install(DataSource database, URI s3Endpoint) throws SQLException, IOException {
    String script;
    try (InputStream in = AwsS3StandIn.class.getClassLoader().getResourceAsStream("sql/testing/aws_s3_stand_in.sql")) {
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    try (Connection c = database.getConnection(); Statement st = c.createStatement()) {
      st.execute(script);
    }
    setForDatabase(database, "oca_test.s3_endpoint", s3Endpoint.toString());
  }

  /** From now on, calls with credentials must carry this access key (proof they were bound). */
  public static void expectAccessKey(DataSource database, String accessKeyId) throws SQLException {
    setForDatabase(database, "oca_test.s3_access_key", accessKeyId);
  }

  private static void setForDatabase(DataSource database, String setting, String value) throws SQLException {
    try (Connection c = database.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT format('ALTER DATABASE %I SET %s = %L', current_database(), ?, ?)")) {
      ps.setString(1, setting);
      ps.setString(2, value);
      String alter;
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        alter = rs.getString(1);
      }
      try (Statement st = c.createStatement()) {
        st.execute(alter);
      }
    }
  }
}
