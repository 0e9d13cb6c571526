package org.ocaetl.rds;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import org.ocaetl.store.S3Location;
import org.ocaetl.store.S3Settings;

/**
 * How the database reaches the object store's bucket through RDS's {@code aws_s3} extension
 * ({@code --pg-s3-import}, docs/storage.md "RDS: loading through aws_s3"): the database reads the
 * staged CSVs and writes the public CSVs itself, at the same keys the worker would use.
 *
 * @param location the object store's bucket and prefix
 * @param region the bucket's region, as {@code aws_commons.create_s3_uri} needs it (exports also
 *     require it to be the RDS instance's own region)
 * @param credentials keys for imports, or null to use the RDS instance's IAM role; exports always
 *     use the role ({@code aws_s3.query_export_to_s3} takes no credentials)
 */
public record AwsS3Settings(S3Location location, String region, AwsS3Credentials credentials) {

  public AwsS3Settings {
    Objects.requireNonNull(location, "location");
    if (region == null || region.isBlank()) {
      throw new IllegalArgumentException("region is required");
    }
  }

  /**
   * Settings for the store at {@code storeUri}, which must be {@code s3://bucket[/prefix]}: the
   * region from {@code AWS_REGION} / {@code AWS_DEFAULT_REGION} (as for the store itself), the
   * credentials from {@code OCA_PG_S3_*} (see {@link AwsS3Credentials#fromEnvironment}).
   *
   * @throws IllegalArgumentException another kind of store, no region, or half-set credentials
   */
  public static AwsS3Settings fromEnvironment(String storeUri, Map<String, String> env) {
    if (storeUri == null || !S3Location.isS3(storeUri)) {
      throw new IllegalArgumentException("--pg-s3-import (OCA_PG_S3_IMPORT) needs an s3://bucket/prefix store: the"
          + " database reads and writes the store's objects itself; the store is " + storeUri);
    }
    String region = S3Settings.fromEnvironment(env).region();
    if (region == null) {
      throw new IllegalArgumentException(
          "--pg-s3-import (OCA_PG_S3_IMPORT) needs the bucket's region: set AWS_REGION");
    }
    return new AwsS3Settings(S3Location.parse(storeUri), region, AwsS3Credentials.fromEnvironment(env));
  }

  /** Binds bucket, full object key and region of a store key at {@code index}..{@code index + 2}. */
  public void bindS3Uri(PreparedStatement statement, int index, String storeKey) throws SQLException {
    statement.setString(index, location.bucket());
    statement.setString(index + 1, location.objectKey(storeKey));
    statement.setString(index + 2, region);
  }

  /** Binds the credentials at {@code index}..{@code index + 2} (only when there are some). */
  public void bindCredentials(PreparedStatement statement, int index) throws SQLException {
    Objects.requireNonNull(credentials, "credentials").bind(statement, index);
  }

  /** Never prints credentials, only whether there are some. */
  @Override
  public String toString() {
    return "AwsS3Settings[" + location + ", region=" + region + ", credentials="
        + (credentials == null ? "IAM role of the database" : "configured (redacted)") + "]";
  }
}
