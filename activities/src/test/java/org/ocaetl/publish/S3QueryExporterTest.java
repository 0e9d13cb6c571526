package org.ocaetl.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ocaetl.promote.PromotionHarness;
import org.ocaetl.promote.StagedFileFixture;
import org.ocaetl.rds.AwsS3Settings;
import org.ocaetl.store.ObjectStore;
import org.ocaetl.store.S3Location;
import org.ocaetl.store.S3ObjectStore;
import org.ocaetl.store.S3Settings.ChecksumMode;
import org.ocaetl.store.StoreKeys;
import org.ocaetl.testing.AwsS3StandIn;
import org.ocaetl.testing.PostgresDatabaseExtension;
import org.ocaetl.testing.S3MockServer;

/**
 * Publishing with {@code --pg-s3-import}: the database writes the CSVs to S3 itself through
 * {@code aws_s3.query_export_to_s3} (here the test stand-in over S3Mock, same signature).
 */
@Tag("slow")
class S3QueryExporterTest {
  @RegisterExtension
  static final PostgresDatabaseExtension db = new PostgresDatabaseExtension();
  static S3MockServer s3;
  S3ObjectStore streamed;
  S3ObjectStore exported;
  PromotionHarness h;

  @BeforeAll
  static void servers() throws Exception {
    s3 = S3MockServer.shared();
    AwsS3StandIn.install(db.dataSource(), s3.endpoint());
  }

  @BeforeEach
  void promoted() throws Exception {
    streamed = store();
    exported = store();
    h = PromotionHarness.freshSchema(db.dataSource(), streamed);
    h.promote(StagedFileFixture.file("LandlordTenant.Incr.2024-03-08.zip")
        .fullVersion("LT-1", "a").fullVersion("LT-2", "b, \"quoted\"")
        .version("LT-3", c -> c.index("court", "", "status", "Line 1\nLine 2"))
        .writeTo(streamed));
  }

  @AfterEach
  void closeStores() {
    streamed.close();
    exported.close();
  }

  @Test
  void writesTheSameBytesAsTheStreamedExport() throws Exception {
    SnapshotResult byCopy = new PublicSnapshot(db.dataSource(), streamed).publish(h.schema);
    SnapshotResult byRds = new PublicSnapshot(db.dataSource(), exported, exporter()).publish(h.schema);

    assertEquals(byCopy.rowsPerObject(), byRds.rowsPerObject());
    assertEquals(byCopy.dataDate(), byRds.dataDate());
    List<String> keys = new ArrayList<>(streamed.list(StoreKeys.PUBLIC));
    keys.addAll(streamed.list("private/exports/"));
    assertEquals(keys.size(), byCopy.rowsPerObject().size(), keys.toString());
    List<String> exportedKeys = new ArrayList<>(exported.list(StoreKeys.PUBLIC));
    exportedKeys.addAll(exported.list("private/exports/"));
    assertEquals(keys, exportedKeys);
    for (String key : keys) {
      assertEquals(withoutPublishTime(read(streamed, key)), withoutPublishTime(read(exported, key)), key);
    }
    assertTrue(read(exported, "public/oca_index.csv").contains("\"Line 1\nLine 2\""));
    assertEquals("no-cache", s3.client()
        .headObject(b -> b.bucket(exported.location().bucket()).key("nyc/public/" + StoreKeys.BADGE_FILE)).join()
        .cacheControl(), "the badge is still written by the worker");
  }

  @Test
  void everyFileComesFromOneSnapshot() throws Exception {
    RelationExporter rds = exporter();
    AtomicBoolean promotedMeanwhile = new AtomicBoolean();
    // After the first CSV, another file is promoted and committed: the later CSVs must not see it.
    // A weekly-sized promotion (keys checked per row) takes no table lock that the snapshot's
    // readers would block; a large one would wait for the publish (lock_timeout, then retried).
    RelationExporter interleaved = (snapshot, key, rows) -> {
      ExportedObject written = rds.export(snapshot, key, rows);
      if (promotedMeanwhile.compareAndSet(false, true)) {
        try {
          h.promote(PromotionHarness.KEYS_CHECKED_PER_ROW,
              StagedFileFixture.file("LandlordTenant.Incr.2024-03-15.zip").fullVersion("LT-9", "new")
                  .writeTo(streamed));
        } catch (Exception e) {
          throw new IOException(e);
        }
      }
      return written;
    };

    SnapshotResult result = new PublicSnapshot(db.dataSource(), exported, interleaved).publish(h.schema);

    assertTrue(promotedMeanwhile.get());
    assertEquals(List.of("LT-1", "LT-2", "LT-3", "LT-9"), h.ids(org.ocaetl.model.OcaTable.OCA_INDEX));
    for (String key : exported.list(StoreKeys.PUBLIC)) {
      assertFalse(read(exported, key).contains("LT-9"), key);
    }
    assertEquals("2024-03-08", result.dataDate().toString(), "the date of the snapshot, not of the later file");
  }

  private RelationExporter exporter() {
    return new S3QueryExporter(new AwsS3Settings(exported.location(), "us-east-1", null));
  }

  private static S3ObjectStore store() {
    return new S3ObjectStore(new S3Location(s3.createBucket(), "nyc/"), s3.settings(ChecksumMode.WHEN_SUPPORTED));
  }

  private static String read(ObjectStore store, String key) throws IOException {
    try (InputStream in = store.get(key)) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  /**
   * The status page states when it was published, to the minute: the two publishes may fall in
   * different minutes, so that one value is left out of the comparison.
   */
  private static String withoutPublishTime(String text) {
    return text.replaceFirst("(<b id=\"published-at\">)[^<]*", "$1");
  }
}
