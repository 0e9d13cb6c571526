package org.ocaetl.rds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Configuration of --pg-s3-import: only an S3 store, a region, whole credentials, nothing printed. */
class AwsS3SettingsTest {
  private static final Map<String, String> REGION = Map.of("AWS_REGION", "us-east-2");

  @Test
  void rejectsAStoreThatIsNotS3() {
    for (String store : new String[] {"/var/oca/store", "file:///var/oca/store", null}) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> AwsS3Settings.fromEnvironment(store, REGION));
      assertTrue(e.getMessage().contains("needs an s3://bucket/prefix store"), e.getMessage());
    }
  }

  @Test
  void readsTheBucketRegionAndUsesTheIamRoleWithoutKeys() {
    AwsS3Settings s = AwsS3Settings.fromEnvironment("s3://oca-bucket/nyc", REGION);
    assertEquals("oca-bucket", s.location().bucket());
    assertEquals("nyc/private/staging/f.zip/oca_index.csv", s.location().objectKey("private/staging/f.zip/oca_index.csv"));
    assertEquals("us-east-2", s.region());
    assertNull(s.credentials());
    assertEquals("us-east-1", AwsS3Settings.fromEnvironment("s3://oca-bucket",
        Map.of("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:9000")).region(), "as for the store: a test server's default");
  }

  @Test
  void needsARegion() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> AwsS3Settings.fromEnvironment("s3://oca-bucket", Map.of()));
    assertTrue(e.getMessage().contains("AWS_REGION"), e.getMessage());
  }

  @Test
  void credentialsComeWholeAndAreNeverPrinted() {
    Map<String, String> env = Map.of("AWS_REGION", "us-east-2", "OCA_PG_S3_ACCESS_KEY_ID", "AKIAEXAMPLE",
        "OCA_PG_S3_SECRET_ACCESS_KEY", "wJalrXUtnSECRET", "OCA_PG_S3_SESSION_TOKEN", "TOKENVALUE");
    AwsS3Settings s = AwsS3Settings.fromEnvironment("s3://oca-bucket/nyc", env);
    assertEquals(new AwsS3Credentials("AKIAEXAMPLE", "wJalrXUtnSECRET", "TOKENVALUE"), s.credentials());
    for (String shown : new String[] {s.toString(), s.credentials().toString()}) {
      assertFalse(shown.contains("wJalrXUtnSECRET") || shown.contains("TOKENVALUE") || shown.contains("AKIAEXAMPLE"), shown);
    }

    IllegalArgumentException half = assertThrows(IllegalArgumentException.class, () -> AwsS3Settings.fromEnvironment(
        "s3://oca-bucket", Map.of("AWS_REGION", "us-east-2", "OCA_PG_S3_SECRET_ACCESS_KEY", "wJalrXUtnSECRET")));
    assertTrue(half.getMessage().contains("OCA_PG_S3_ACCESS_KEY_ID"), half.getMessage());
    assertFalse(half.getMessage().contains("wJalrXUtnSECRET"));
  }
}
