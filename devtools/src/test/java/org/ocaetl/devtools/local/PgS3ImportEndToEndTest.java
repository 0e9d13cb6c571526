package org.ocaetl.devtools.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.publish.PublishedRelation;
import org.ocaetl.store.ObjectStore;
import org.ocaetl.store.S3Location;
import org.ocaetl.store.S3ObjectStore;
import org.ocaetl.store.S3Settings.ChecksumMode;
import org.ocaetl.store.StoreKeys;
import org.ocaetl.testing.AwsS3StandIn;
import org.ocaetl.testing.PostgresDatabaseExtension;
import org.ocaetl.testing.S3MockServer;
import org.ocaetl.devtools.OcaDevCommand;
import org.ocaetl.worker.testing.Extracts;
import picocli.CommandLine;

/** {@code oca local --pg-s3-import --store s3://…}: the database imports and exports through aws_s3 (the stand-in). */
@Tag("slow")
class PgS3ImportEndToEndTest {
  @RegisterExtension
  static final PostgresDatabaseExtension postgres = new PostgresDatabaseExtension();
  static S3MockServer s3;
  @TempDir Path root;

  @BeforeAll
  static void servers() throws Exception {
    s3 = S3MockServer.shared();
    AwsS3StandIn.install(postgres.dataSource(), s3.endpoint());
    AwsS3StandIn.expectAccessKey(postgres.dataSource(), "AKIAPGIMPORT");
  }

  @Test
  void promotesAndPublishesThroughTheDatabase() throws Exception {
    Path inbox = Files.createDirectories(root.resolve("inbox"));
    Extracts.write(inbox, RemoteStorageEndToEndTest.INCR_1, "2024-03-08",
        Extracts.live("A", "Bronx Housing Court"), RemoteStorageEndToEndTest.withStreet("B"));
    Extracts.write(inbox, RemoteStorageEndToEndTest.INCR_2, "2024-03-15", Extracts.deleted("A"));
    String bucket = s3.createBucket();
    String secret = "pg-import-secret-value";
    Map<String, String> env = Map.of(
        "AWS_ENDPOINT_URL_S3", s3.endpoint().toString(), "OCA_S3_PATH_STYLE", "true",
        "AWS_ACCESS_KEY_ID", S3MockServer.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", S3MockServer.SECRET_KEY,
        "OCA_PG_S3_ACCESS_KEY_ID", "AKIAPGIMPORT", "OCA_PG_S3_SECRET_ACCESS_KEY", secret);

    CommandLine cli = OcaDevCommand.commandLine();
    ((LocalCommand) cli.getSubcommands().get("local").getCommand()).environment = env;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute("local", "--inbox", inbox.toString(), "--store", "s3://" + bucket + "/nyc",
        "--pg-s3-import", "--database-url", postgres.jdbcUrl(), "--schema", "rds_import", "--parallel", "1",
        "--work-dir", root.resolve("work").toString(), "--data-dir", root.resolve("data").toString());

    assertEquals(0, exit, err.toString());
    JsonNode result = new ObjectMapper().readTree(out.toString());
    assertEquals(2, result.get("filesPromoted").asInt(), result.toString());
    assertFalse(err.toString().contains(secret), "no secret in the logs");
    try (ObjectStore store = new S3ObjectStore(new S3Location(bucket, "nyc/"), s3.settings(ChecksumMode.WHEN_SUPPORTED))) {
      List<String> published = store.list(StoreKeys.PUBLIC);
      // A CSV and a Parquet file per published relation (PostGIS: both level-2 views; the case summary),
      // the descriptor, the status page, the date and the badge.
      assertEquals(2 * PublishedRelation.ALL.size() + 4, published.size(), published.toString());
      assertTrue(published.contains("public/oca_addresses_with_bbl.csv"), published.toString());
      assertEquals("2024-03-15\n", read(store, "public/" + StoreKeys.DATE_FILE));
      String index = read(store, "public/oca_index.csv");
      assertTrue(index.startsWith("indexnumberid,") && index.contains("\nB,") && !index.contains("\nA,"), index);
      assertTrue(read(store, "private/exports/oca_addresses_private.csv").contains(RemoteStorageEndToEndTest.STREET));
      // Written by the database (curl sets no CSV content type), while the date file still comes from the worker.
      assertFalse(contentType(bucket, "nyc/public/oca_index.csv").startsWith("text/csv"));
      assertTrue(contentType(bucket, "nyc/public/" + StoreKeys.DATE_FILE).startsWith("text/plain"));
    }
  }

  private static String contentType(String bucket, String key) {
    String type = s3.client().headObject(b -> b.bucket(bucket).key(key)).join().contentType();
    return type == null ? "" : type;
  }

  private static String read(ObjectStore store, String key) throws Exception {
    try (InputStream in = store.get(key)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
