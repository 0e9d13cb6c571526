package org.ocaetl.publish;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.promote.PromotionHarness;
import org.ocaetl.store.S3Location;
import org.ocaetl.store.S3ObjectStore;
import org.ocaetl.store.S3Settings.ChecksumMode;
import org.ocaetl.testing.FailingObjectStore;
import org.ocaetl.testing.PostgresDatabaseExtension;
import org.ocaetl.testing.S3MockServer;

/** Publishing from parts into S3 (S3Mock): the public objects assembled by S3 have the bytes of a full export. */
@Tag("slow")
class PartedPublishS3Test {
  @RegisterExtension
  static final PostgresDatabaseExtension db = new PostgresDatabaseExtension();
  static S3MockServer s3;
  @TempDir Path referenceDir;
  S3ObjectStore s3Store;

  @BeforeAll
  static void server() throws Exception {
    s3 = S3MockServer.shared();
  }

  @AfterEach
  void closeStore() {
    s3Store.close();
  }

  @Test
  void weeklyFilesAndAFailedPublishGiveTheBytesOfAFullExport() throws Exception {
    s3Store = new S3ObjectStore(new S3Location(s3.createBucket(), "nyc/"), s3.settings(ChecksumMode.WHEN_SUPPORTED));
    FailingObjectStore store = new FailingObjectStore(s3Store);
    new PartedPublishScenario(PromotionHarness.freshSchema(db.dataSource(), store), store, referenceDir).run();
  }
}
