package org.ocaetl.publish;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import org.ocaetl.db.SqlResource;
import org.ocaetl.rds.AwsS3Settings;

/**
 * Lets the database write a published CSV to S3 itself with RDS's {@code aws_s3.query_export_to_s3}
 * ({@code --pg-s3-import}): the rows never pass through the worker, and the query runs in the
 * snapshot's session and transaction. RDS sets no content type or Cache-Control and encrypts with
 * the bucket's default encryption (docs/storage.md). Their size and hash are therefore read back
 * from S3 for the descriptor ({@link PublishedFile#read}).
 */
public final class S3QueryExporter implements RelationExporter {
  private final AwsS3Settings s3;

  public S3QueryExporter(AwsS3Settings s3) {
    this.s3 = Objects.requireNonNull(s3, "s3");
  }

  @Override
  public ExportedObject export(Connection snapshot, String key, SqlResource rows) throws SQLException {
    try (PreparedStatement ps =
        snapshot.prepareStatement(SqlResource.of("sql/publish/export_relation_to_s3.sql").render())) {
      ps.setString(1, rows.render());
      s3.bindS3Uri(ps, 2, key);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw new SQLException("aws_s3.query_export_to_s3 returned nothing for " + key);
        }
        long rowsUploaded = rs.getLong(1);
        long files = rs.getLong(2);
        if (files != 1) {
          // A published CSV must be one object; RDS splits exports past about 6 GB into _partN files.
          throw new SQLException("aws_s3.query_export_to_s3 wrote " + files + " objects for " + key + ", expected one");
        }
        return new ExportedObject(rowsUploaded, null); // the worker never saw the bytes: no hash here
      }
    }
  }
}
