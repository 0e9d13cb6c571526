package org.ocaetl.devtools.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
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
import org.ocaetl.testing.PostgresDatabaseExtension;
import org.ocaetl.testing.S3MockServer;
import org.ocaetl.testing.SftpTestServer;
import org.ocaetl.testing.TestExtracts;
import org.ocaetl.devtools.OcaDevCommand;
import org.ocaetl.worker.testing.Extracts;
import picocli.CommandLine;

/**
 * {@code oca local --inbox sftp://… --store s3://…} over an embedded SFTP server and S3Mock: the
 * files are fetched over SFTP, archived, staged, promoted and published into the bucket.
 */
@Tag("slow")
class RemoteStorageEndToEndTest {
  static final String INCR_1 = "LandlordTenant.Incr.2024-03-08.zip";
  static final String INCR_2 = "LandlordTenant.Incr.2024-03-15.zip";
  static final String STREET = "12 Secret Lane";

  @RegisterExtension
  static final PostgresDatabaseExtension postgres = new PostgresDatabaseExtension();
  static S3MockServer s3;
  @TempDir Path root;

  @BeforeAll
  static void servers() throws Exception {
    s3 = S3MockServer.shared();
  }

  @Test
  void fetchesOverSftpAndPublishesIntoS3() throws Exception {
    Path outgoing = Files.createDirectories(root.resolve("sftp/outgoing"));
    Extracts.write(outgoing, INCR_1, "2024-03-08", Extracts.live("A", "Bronx Housing Court"), withStreet("B"));
    Extracts.write(outgoing, INCR_2, "2024-03-15", Extracts.deleted("A"));
    Files.writeString(outgoing.resolve("welcome.txt"), "not an extract");
    String bucket = s3.createBucket();

    try (SftpTestServer sftp = SftpTestServer.start(root.resolve("sftp"))) {
      Map<String, String> env = new java.util.HashMap<>(
          sftp.passwordEnvironment(sftp.writeKnownHosts(root.resolve("known_hosts"), sftp.port())));
      env.putAll(Map.of(
          "AWS_ENDPOINT_URL_S3", s3.endpoint().toString(), "OCA_S3_PATH_STYLE", "true",
          "OCA_S3_CHECKSUMS", "when_required",
          "AWS_ACCESS_KEY_ID", S3MockServer.ACCESS_KEY, "AWS_SECRET_ACCESS_KEY", S3MockServer.SECRET_KEY));
      String schema = "remote_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);

      CommandLine cli = OcaDevCommand.commandLine();
      ((LocalCommand) cli.getSubcommands().get("local").getCommand()).environment = env;
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      cli.setOut(new PrintWriter(out));
      cli.setErr(new PrintWriter(err));
      int exit = cli.execute("local", "--inbox", sftp.uri(sftp.port(), "/outgoing"), "--store", "s3://" + bucket + "/nyc",
          "--database-url", postgres.jdbcUrl(), "--schema", schema, "--parallel", "1",
          "--work-dir", root.resolve("work").toString(), "--data-dir", root.resolve("data").toString());

      assertEquals(0, exit, err.toString());
      JsonNode result = new ObjectMapper().readTree(out.toString());
      assertEquals(2, result.get("filesPromoted").asInt(), result.toString());
      assertFalse(err.toString().contains(SftpTestServer.PASSWORD), "no secret in the logs");
      assertFalse(err.toString().contains(S3MockServer.SECRET_KEY), "no secret in the logs");
    }

    try (ObjectStore store = new S3ObjectStore(new S3Location(bucket, "nyc/"), s3.settings(ChecksumMode.WHEN_REQUIRED))) {
      for (String file : List.of(INCR_1, INCR_2)) {
        try (InputStream archived = store.get(StoreKeys.raw(file))) {
          assertTrue(archived.readAllBytes().length > 0, file);
        }
        assertTrue(store.size(StoreKeys.rawChecksum(file)).isPresent(), file);
        assertTrue(store.size(StoreKeys.report(file)).isPresent(), file);
      }
      assertFalse(store.list(StoreKeys.PRIVATE + "raw/").toString().contains("welcome.txt"));
      List<String> published = store.list(StoreKeys.PUBLIC);
      // A CSV and a Parquet file per published relation (PostGIS: both level-2 views; the case summary),
      // the descriptor, the status page, the date and the badge.
      assertEquals(2 * PublishedRelation.ALL.size() + 4, published.size(), published.toString());
      assertEquals("2024-03-15\n", read(store, "public/" + StoreKeys.DATE_FILE));
      assertTrue(read(store, "public/oca_index.csv").contains("\nB,"), "B is published");
      assertFalse(read(store, "public/oca_index.csv").contains("\nA,"), "A was deleted by the second file");
      for (String key : published) {
        assertFalse(read(store, key).contains(STREET), key + " holds a street address");
      }
      assertTrue(read(store, "private/exports/oca_addresses_private.csv").contains(STREET));
    }
  }

  /** A live case whose property has a street address (private only, docs/processing-rules.md#rule-15). */
  static String withStreet(String id) {
    return TestExtracts.index(id,
        "<Court>Kings Housing Court</Court><FiledDate>2024-01-05</FiledDate><Status>Active</Status>"
            + "<FirstPaper>Petition</FirstPaper>"
            + "<PropertyAddresses><PropertyAddress><Street1>" + STREET + "</Street1><City>Brooklyn</City>"
            + "<State>NY</State><PostalCode>11201</PostalCode></PropertyAddress></PropertyAddresses>"
            + "<Parties><Party><Role>Respondent</Role><PartyType>Individual</PartyType></Party></Parties>");
  }

  static String read(ObjectStore store, String key) throws IOException {
    try (InputStream in = store.get(key)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
