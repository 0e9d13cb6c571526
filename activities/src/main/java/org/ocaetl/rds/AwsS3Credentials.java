package org.ocaetl.rds;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;

/**
 * Keys that the database itself signs its S3 requests with, for {@code
 * aws_commons.create_aws_credentials}. They are only ever bound as statement parameters, never
 * written into SQL text, logs or messages; {@link #toString} hides them.
 *
 * @param accessKeyId the access key id
 * @param secretAccessKey the secret access key
 * @param sessionToken the session token of temporary credentials, or null
 */
public record AwsS3Credentials(String accessKeyId, String secretAccessKey, String sessionToken) {
  static final String ACCESS_KEY_ID = "OCA_PG_S3_ACCESS_KEY_ID";
  static final String SECRET_ACCESS_KEY = "OCA_PG_S3_SECRET_ACCESS_KEY";
  static final String SESSION_TOKEN = "OCA_PG_S3_SESSION_TOKEN";

  public AwsS3Credentials {
    if (isBlank(accessKeyId) || isBlank(secretAccessKey)) {
      throw new IllegalArgumentException("An access key id and a secret access key are both required");
    }
    sessionToken = isBlank(sessionToken) ? null : sessionToken;
  }

  /**
   * The credentials in {@code OCA_PG_S3_ACCESS_KEY_ID} / {@code OCA_PG_S3_SECRET_ACCESS_KEY} (/
   * {@code OCA_PG_S3_SESSION_TOKEN}), or null when neither key is set: the database then uses the
   * IAM role of the RDS instance. One key without the other is a configuration error.
   */
  static AwsS3Credentials fromEnvironment(Map<String, String> env) {
    boolean keyId = !isBlank(env.get(ACCESS_KEY_ID));
    boolean secret = !isBlank(env.get(SECRET_ACCESS_KEY));
    if (keyId != secret) {
      throw new IllegalArgumentException(
          "Set both " + ACCESS_KEY_ID + " and " + SECRET_ACCESS_KEY + ", or neither (the RDS instance's IAM role)");
    }
    if (!keyId) {
      if (!isBlank(env.get(SESSION_TOKEN))) {
        throw new IllegalArgumentException(SESSION_TOKEN + " is set without " + ACCESS_KEY_ID);
      }
      return null;
    }
    return new AwsS3Credentials(env.get(ACCESS_KEY_ID).trim(), env.get(SECRET_ACCESS_KEY).trim(), env.get(SESSION_TOKEN));
  }

  /** Binds access key, secret key and session token at {@code index}..{@code index + 2}. */
  void bind(PreparedStatement statement, int index) throws SQLException {
    statement.setString(index, accessKeyId);
    statement.setString(index + 1, secretAccessKey);
    statement.setString(index + 2, sessionToken);
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  /** Never prints the keys. */
  @Override
  public String toString() {
    return "AwsS3Credentials[redacted]";
  }
}
