package org.ocaetl.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.ocaetl.testing.S3MockServer;
import software.amazon.awssdk.core.async.AsyncRequestBody;

/** An S3 prefix as the raw inbox, opened by URI against S3Mock. */
@Tag("slow")
class StoreInboxTest {
  @Test
  void listsTheObjectsDirectlyUnderThePrefix() throws IOException {
    S3MockServer s3 = S3MockServer.shared();
    String bucket = s3.createBucket();
    for (String key : List.of("incoming/LandlordTenant.Incr.2024-03-08.zip", "incoming/notes.txt",
        "incoming/old/LandlordTenant.Incr.2024-01-05.zip", "incoming-other/x.zip")) {
      s3.client().putObject(b -> b.bucket(bucket).key(key), AsyncRequestBody.fromString("bytes of " + key)).join();
    }
    Map<String, String> env = Map.of("AWS_ENDPOINT_URL_S3", s3.endpoint().toString(), "OCA_S3_PATH_STYLE", "true",
        "AWS_ACCESS_KEY_ID", S3MockServer.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", S3MockServer.SECRET_KEY);

    try (RawInbox inbox = RawInboxes.open("s3://" + bucket + "/incoming", env)) {
      List<InboxFile> listed = inbox.list();
      assertEquals(List.of("LandlordTenant.Incr.2024-03-08.zip", "notes.txt"), listed.stream().map(InboxFile::name).toList());
      assertEquals("bytes of incoming/LandlordTenant.Incr.2024-03-08.zip".length(), listed.get(0).size());
      assertFalse(listed.get(0).tag().isBlank(), "the ETag identifies the bytes");
      try (InputStream in = inbox.open("LandlordTenant.Incr.2024-03-08.zip")) {
        assertEquals("bytes of incoming/LandlordTenant.Incr.2024-03-08.zip",
            new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
      assertEquals("s3://" + bucket + "/incoming/", inbox.describe());
      assertThrows(IllegalArgumentException.class, () -> inbox.open("old/LandlordTenant.Incr.2024-01-05.zip"));
    }
    assertThrows(IllegalArgumentException.class, () -> RawInboxes.check("ftp://host/dir", Map.of()));
  }
}
