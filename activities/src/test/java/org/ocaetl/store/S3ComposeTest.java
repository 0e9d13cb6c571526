package org.ocaetl.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ocaetl.store.S3Settings.ChecksumMode;
import org.ocaetl.testing.S3MockServer;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * An object assembled by S3 from a head and stored objects (S3Mock): large sources copied
 * ({@code UploadPartCopy}, whole and by range), small ones and the head combined into uploaded
 * parts; the object holds exactly the concatenation, with its content type.
 */
@Tag("slow")
class S3ComposeTest {
  static final int MIB = 1 << 20;
  static S3MockServer s3;
  S3ObjectStore store;

  @BeforeAll
  static void server() throws IOException {
    s3 = S3MockServer.shared();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  @ParameterizedTest
  @EnumSource(ChecksumMode.class)
  void composesLargeAndSmallSourcesIntoTheirConcatenation(ChecksumMode mode) throws IOException {
    store = new S3ObjectStore(new S3Location(s3.createBucket(), "oca/"), s3.settings(mode));
    int[] sizes = {3 * MIB, 7 * MIB, 100, 6 * MIB + 17, 0, 1 * MIB, 12 * MIB, 10};
    byte[] head = "indexnumberid,court\n".getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    expected.write(head);
    List<String> sources = new ArrayList<>();
    Random random = new Random(13);
    for (int i = 0; i < sizes.length; i++) {
      byte[] bytes = new byte[sizes[i]];
      random.nextBytes(bytes);
      String key = "private/publish-parts/x.csv/" + (2010 + i) + ".csv";
      store.write(key, "text/csv; charset=utf-8", out -> out.write(bytes));
      sources.add(key);
      expected.write(bytes);
    }

    store.compose("public/x.csv", "text/csv; charset=utf-8", head, sources);

    try (InputStream in = store.get("public/x.csv")) {
      assertArrayEquals(expected.toByteArray(), in.readAllBytes());
    }
    HeadObjectResponse object =
        s3.client().headObject(b -> b.bucket(store.location().bucket()).key("oca/public/x.csv")).join();
    assertEquals("text/csv;charset=utf-8", object.contentType().replace(" ", ""));
    // The SSE header is sent with CreateMultipartUpload as for every streamed object; S3Mock does
    // not report it back for any multipart object, so it is not asserted here.
  }
}
