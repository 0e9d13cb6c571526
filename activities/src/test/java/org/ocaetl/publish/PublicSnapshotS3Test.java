package org.ocaetl.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ocaetl.promote.PromotionHarness;
import org.ocaetl.promote.StagedFileFixture;
import org.ocaetl.store.S3Location;
import org.ocaetl.store.S3ObjectStore;
import org.ocaetl.store.S3Settings.ChecksumMode;
import org.ocaetl.testing.PostgresDatabaseExtension;
import org.ocaetl.testing.S3MockServer;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** The snapshot published into S3 (S3Mock): street addresses stay under private/ (docs/processing-rules.md#rule-15). */
@Tag("slow")
class PublicSnapshotS3Test {
  @RegisterExtension
  static final PostgresDatabaseExtension db = new PostgresDatabaseExtension();
  static S3MockServer s3;
  S3ObjectStore store;

  @BeforeAll
  static void servers() throws Exception {
    s3 = S3MockServer.shared();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @Test
  void writesNoStreetAddressUnderPublic() throws Exception {
    store = new S3ObjectStore(new S3Location(s3.createBucket(), "nyc/"), s3.settings(ChecksumMode.WHEN_SUPPORTED));
    PromotionHarness h = PromotionHarness.freshSchema(db.dataSource(), store);
    h.promote(StagedFileFixture.file("LandlordTenant.Incr.2024-03-08.zip")
        .fullVersion("LT-1", "a").fullVersion("LT-2", "b").writeTo(store));

    SnapshotResult result = new PublicSnapshot(db.dataSource(), store).publish(h.schema);

    List<String> published = store.list("public/");
    // A CSV and a Parquet file per published relation (PostGIS: both level-2 views; the case summary),
    // the descriptor, the status page, the date and the badge.
    assertEquals(2 * PublishedRelation.ALL.size() + 4, published.size(), published.toString());
    assertEquals(published.size() + 1, result.rowsPerObject().size());
    for (String key : published) {
      String content = read(key);
      for (String street : List.of("street1", "street2", "Main St", "Apt 1")) {
        assertFalse(content.contains(street), key + " contains " + street);
      }
    }
    assertTrue(read(PublicSnapshot.PRIVATE_ADDRESSES_KEY).contains("1 Main St a"), "the full table is private");
    assertEquals("2024-03-08\n", read("public/last-updated-date.txt"));
    assertEquals("no-cache", s3.client()
        .headObject(b -> b.bucket(store.location().bucket()).key("nyc/public/last-updated-shield.svg")).join()
        .cacheControl());
    HeadObjectResponse page = s3.client()
        .headObject(b -> b.bucket(store.location().bucket()).key("nyc/public/index.html")).join();
    assertTrue(page.contentType().startsWith("text/html"), "a browser opens the status page from the bucket: "
        + page.contentType());
    assertEquals("no-cache", page.cacheControl());
  }

  private String read(String key) throws IOException {
    try (InputStream in = store.get(key)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
