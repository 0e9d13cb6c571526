package org.ocaetl.promote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ocaetl.model.OcaTable;
import org.ocaetl.rds.AwsS3Credentials;
import org.ocaetl.rds.AwsS3Settings;
import org.ocaetl.store.S3Location;
import org.ocaetl.store.S3ObjectStore;
import org.ocaetl.store.S3Settings.ChecksumMode;
import org.ocaetl.store.StoreKeys;
import org.ocaetl.testing.AwsS3StandIn;
import org.ocaetl.testing.LogCapture;
import org.ocaetl.testing.PostgresDatabaseExtension;
import org.ocaetl.testing.S3MockServer;

/**
 * Promotion with {@code --pg-s3-import}: the database reads the staged CSVs from S3 itself through
 * {@code aws_s3.table_import_from_s3} (here the test stand-in over S3Mock, same signature), in the
 * promotion's one transaction.
 */
@Tag("slow")
class S3ImportPromotionTest {
  private static final String MAR_01 = "LandlordTenant.Incr.2024-03-01.zip";
  private static final String MAR_08 = "LandlordTenant.Incr.2024-03-08.zip";
  private static final String MAR_15 = "LandlordTenant.Incr.2024-03-15.zip";
  private static final String ACCESS_KEY = "AKIAOCATESTKEY";

  @RegisterExtension
  static final PostgresDatabaseExtension db = new PostgresDatabaseExtension();
  static S3MockServer s3;
  S3ObjectStore store;

  @BeforeAll
  static void servers() throws Exception {
    s3 = S3MockServer.shared();
    AwsS3StandIn.install(db.dataSource(), s3.endpoint());
  }

  @BeforeEach
  void bucket() {
    store = new S3ObjectStore(new S3Location(s3.createBucket(), "nyc/"), s3.settings(ChecksumMode.WHEN_SUPPORTED));
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void givesTheSameTablesAsTheCopyPath() throws Exception {
    List<StagedFile> files = threeFiles();
    PromotionHarness copied = PromotionHarness.freshSchema(db.dataSource(), store);
    PromotionHarness imported = PromotionHarness.freshSchema(db.dataSource(), store);

    PromotionResult byCopy = copied.transaction().promote(new PromotionRequest(files, "wf", "run"));
    PromotionResult byImport = importing(imported, null).promote(new PromotionRequest(files, "wf", "run"));

    assertEquals(byCopy.files(), byImport.files(), "same counts per file");
    Map<String, String> tables = copied.dumpTables();
    assertEquals(tables, imported.dumpTables());
    assertTrue(tables.get("oca_decisions").contains("\"....."), "multi-line values went through: " + tables);
    assertTrue(tables.get("oca_index").contains("LT-3") && !tables.get("oca_index").contains("LT-2,"), tables.get("oca_index"));
  }

  @Test
  void aFailedImportRollsEverythingBack() throws Exception {
    PromotionHarness h = PromotionHarness.freshSchema(db.dataSource(), store);
    List<StagedFile> files = threeFiles();
    importing(h, null).promote(new PromotionRequest(files.subList(0, 1), "wf", "run"));
    Map<String, String> before = h.dumpEverything();
    // The last table of the last file has a header that does not match its columns (HEADER MATCH).
    putText(StoreKeys.stagedCsv(MAR_15, OcaTable.OCA_WARRANTS), "judgmentsequence,indexnumberid\n");

    SQLException e = assertThrows(SQLException.class,
        () -> importing(h, null).promote(new PromotionRequest(files.subList(1, 3), "wf", "run-2")));

    assertTrue(e.getMessage().startsWith("Loading oca_warrants.csv of " + MAR_15 + " failed"), e.getMessage());
    assertEquals(before, h.dumpEverything(), "MAR_08, applied before the failure, was rolled back too");
  }

  @Test
  void aMissingStagedCsvFailsThePromotion() throws Exception {
    PromotionHarness h = PromotionHarness.freshSchema(db.dataSource(), store);
    StagedFile file = threeFiles().getFirst();
    StagedFile absent = new StagedFile("LandlordTenant.Incr.2024-04-05.zip", file.extractDate(), file.sha256());

    SQLException e = assertThrows(SQLException.class,
        () -> importing(h, null).promote(new PromotionRequest(List.of(absent), "wf", "run")));

    assertTrue(e.getMessage().contains("oca_index.csv of LandlordTenant.Incr.2024-04-05.zip"), e.getMessage());
    assertEquals(List.of("0"), h.rows("SELECT count(*) FROM oca_promoted_files"));
  }

  @Test
  void credentialsAreBoundAndAppearInNoLogOrException() throws Exception {
    AwsS3StandIn.expectAccessKey(db.dataSource(), ACCESS_KEY);
    String secret = "secret-" + UUID.randomUUID();
    String token = "token-" + UUID.randomUUID();
    List<StagedFile> files = threeFiles();
    PromotionHarness h = PromotionHarness.freshSchema(db.dataSource(), store);
    PromotionHarness refused = PromotionHarness.freshSchema(db.dataSource(), store);
    StringWriter failures = new StringWriter();

    try (LogCapture logs = LogCapture.start()) {
      importing(h, new AwsS3Credentials(ACCESS_KEY, secret, token))
          .promote(new PromotionRequest(files.subList(0, 2), "wf", "run"));
      // Another key: the stand-in refuses, as S3 would.
      SQLException denied = assertThrows(SQLException.class,
          () -> importing(refused, new AwsS3Credentials("AKIAOTHERKEY", secret, token))
              .promote(new PromotionRequest(files.subList(0, 1), "wf", "run")));
      putText(StoreKeys.stagedCsv(MAR_15, OcaTable.OCA_CAUSES), "not,the,header\n");
      SQLException broken = assertThrows(SQLException.class,
          () -> importing(h, new AwsS3Credentials(ACCESS_KEY, secret, token))
              .promote(new PromotionRequest(files.subList(2, 3), "wf", "run-2")));
      denied.printStackTrace(new PrintWriter(failures, true));
      broken.printStackTrace(new PrintWriter(failures, true));

      assertTrue(failures.toString().contains("access denied"), failures.toString());
      assertTrue(logs.lines() > 0, "the capture sees the promotion's log lines");
      for (String text : List.of(logs.text(), failures.toString())) {
        assertFalse(text.contains(secret), text);
        assertFalse(text.contains(token), text);
      }
    }
    assertEquals(List.of("LT-1", "LT-3"), h.ids(OcaTable.OCA_INDEX), "the first two files were imported with the keys");
    assertEquals(List.of("0"), refused.rows("SELECT count(*) FROM oca_index"));
    assertFalse(new AwsS3Settings(store.location(), "us-east-1", new AwsS3Credentials(ACCESS_KEY, secret, token))
        .toString().contains(secret));
  }

  private PromotionTransaction importing(PromotionHarness h, AwsS3Credentials credentials) {
    AwsS3Settings settings = new AwsS3Settings(store.location(), "us-east-1", credentials);
    return new PromotionTransaction(h.dataSource, h.schema, new S3ImportLandingLoader(settings), PromotionSettings.DEFAULTS);
  }

  /** Updates, a delete, a re-appearing case and values that need CSV quoting. */
  private List<StagedFile> threeFiles() throws Exception {
    return List.of(
        StagedFileFixture.file(MAR_01).fullVersion("LT-1", "v1").fullVersion("LT-2", "v1")
            .version("LT-3", c -> c.index("court", "Kings, \"Housing\"", "status", "")
                .row(OcaTable.OCA_CAUSES, "causeofactiontype", "Line one\nline two", "amount", "0.0001"))
            .writeTo(store),
        StagedFileFixture.file(MAR_08).fullVersion("LT-1", "v2").delete("LT-2").writeTo(store),
        StagedFileFixture.file(MAR_15).fullVersion("LT-3", "v3").fullVersion("LT-4", "v3").writeTo(store));
  }

  private void putText(String key, String text) throws Exception {
    store.put(key, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "text/csv");
  }
}
