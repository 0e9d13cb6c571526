package org.ocaetl.devtools.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.testing.PostgresDatabaseExtension;
import org.ocaetl.devtools.OcaDevCommand;
import org.ocaetl.worker.cli.CommandLines;
import org.ocaetl.worker.cli.DatabaseTarget;
import org.ocaetl.worker.testing.Extracts;
import picocli.CommandLine;

/** {@code oca local} as a user runs it: arguments in, JSON on stdout, an exit code. */
class LocalCommandTest {
  static final String INCR_1 = "LandlordTenant.Incr.2024-03-08.zip";
  static final String INCR_2 = "LandlordTenant.Incr.2024-03-15.zip";

  @RegisterExtension
  static final PostgresDatabaseExtension postgres = new PostgresDatabaseExtension();

  @TempDir Path root;
  Path rawDir;
  String schema;

  record Run(int exitCode, JsonNode result, String err) {}

  @BeforeEach
  void folders() throws Exception {
    rawDir = Files.createDirectories(root.resolve("raw"));
    schema = "cli_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
  }

  Run local(String... extra) throws Exception {
    List<String> args = new ArrayList<>(List.of("local", "--raw-dir", rawDir.toString(), "--schema", schema,
        "--store", root.resolve("store").toString(), "--work-dir", root.resolve("work").toString(),
        "--data-dir", root.resolve("data").toString()));
    args.addAll(List.of(extra));
    CommandLine cli = OcaDevCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args.toArray(String[]::new));
    JsonNode json = out.toString().isBlank() ? null : new ObjectMapper().readTree(out.toString());
    return new Run(code, json, err.toString());
  }

  @Test
  void exitsZeroWhenEverythingIsPromotedAndAgainWhenNothingIsNew() throws Exception {
    Extracts.write(rawDir, INCR_1, "2024-03-08", Extracts.live("A", "Bronx Housing Court"));

    Run first = local("--database-url", postgres.jdbcUrl());
    assertEquals(0, first.exitCode(), first.err());
    assertEquals(1, first.result().get("filesPromoted").asInt());
    assertEquals("PROMOTED", first.result().get("files").get(0).get("outcome").asText());

    Run second = local("--database-url", postgres.jdbcUrl());
    assertEquals(0, second.exitCode(), second.err());
    assertEquals(1, second.result().get("filesSkipped").asInt());
  }

  @Test
  void exitsThreeAndListsTheFailures() throws Exception {
    Extracts.write(rawDir, INCR_1, "2024-03-08", Extracts.live("A", "Bronx Housing Court"), Extracts.unconvertible("B"));
    Files.write(rawDir.resolve(INCR_2), new byte[] {'P', 'K', 3, 4, 0});

    Run run = local("--database-url", postgres.jdbcUrl(), "--parallel", "1");

    assertEquals(3, run.exitCode(), run.err());
    assertEquals(1, run.result().get("filesPromoted").asInt());
    assertEquals(1, run.result().get("filesFailed").asInt());
    assertEquals(1, run.result().get("casesFailed").asInt());
    JsonNode failed = run.result().get("files").get(1);
    assertEquals(INCR_2, failed.get("fileName").asText(), "outcomes in rule-1 order");
    assertTrue(failed.get("reason").asText().startsWith("BadExtractFile: "), failed.toString());
  }

  @Test
  void startsAnEmbeddedPostgresWithoutADatabaseUrl() throws Exception {
    Extracts.write(rawDir, INCR_1, "2024-03-08", Extracts.live("A", "Bronx Housing Court"));

    Run run = local();

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.err().startsWith("Database: embedded PostgreSQL postgresql://postgres@localhost:"), run.err());
    assertTrue(run.err().lines().findFirst().orElseThrow().endsWith(", data in " + root.resolve("data/postgres")
        + "; it stops when this command exits"), run.err());
    assertTrue(Files.isDirectory(root.resolve("data/postgres")));
  }

  @Test
  void usesOcaDatabaseUrlAndSaysSoOnItsFirstLine() throws Exception {
    Extracts.write(rawDir, INCR_1, "2024-03-08", Extracts.live("A", "Bronx Housing Court"));
    DatabaseTarget target = DatabaseTarget.of(postgres.jdbcUrl());
    LocalCommand command = new LocalCommand();
    command.environment = Map.of("OCA_DATABASE_URL",
        "postgresql://" + target.user() + ":pw-not-shown@" + target.hosts() + "/" + postgres.name());
    StringWriter err = new StringWriter();
    CommandLine cli = CommandLines.configure(new CommandLine(command));
    cli.setOut(new PrintWriter(new StringWriter()));
    cli.setErr(new PrintWriter(err));

    int code = cli.execute("--raw-dir", rawDir.toString(), "--schema", schema, "--store", root.resolve("store").toString(),
        "--work-dir", root.resolve("work").toString(), "--data-dir", root.resolve("data").toString());

    assertEquals(0, code, err.toString());
    assertEquals("Database: PostgreSQL at " + target.hosts() + "/" + postgres.name() + " as user " + target.user()
        + " (OCA_DATABASE_URL)", err.toString().lines().findFirst().orElseThrow());
    assertTrue(!err.toString().contains("pw-not-shown"), err.toString());
    assertTrue(!Files.exists(root.resolve("data/postgres")), "no embedded PostgreSQL");
    try (var c = postgres.dataSource().getConnection();
        var rs = c.createStatement().executeQuery("SELECT file_name FROM " + schema + ".oca_promoted_files")) {
      assertTrue(rs.next() && rs.getString(1).equals(INCR_1), "promoted into the database of OCA_DATABASE_URL");
    }
  }

  @Test
  void exitsOneWhenTheRunCannotHappen() throws Exception {
    Run run = local("--database-url", "postgresql://nobody@127.0.0.1:1/none");
    assertEquals(1, run.exitCode());
  }

  @Test
  void runsTheGeocodeBackfillAfterTheRun() throws Exception {
    Run run = local("--database-url", postgres.jdbcUrl(), "--geocoder", "none", "--geocode-backfill");
    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.err().contains("Geocode backfill: {\"lastIndexNumberId\":\"\",\"finished\":true,"), run.err());
  }

  @Test
  void badValuesAreUsageErrors() throws Exception {
    assertEquals(2, local("--database-url", postgres.jdbcUrl(), "--geocoder", "mapquest").exitCode());
    assertEquals(2, local("--database-url", postgres.jdbcUrl(), "--geocoder", "geoclient").exitCode(),
        "Geoclient without OCA_GEOCLIENT_KEY");
    assertEquals(2, local("--database-url", postgres.jdbcUrl(), "--reprocess", "private/raw/*").exitCode());
    assertEquals(2, local("--database-url", "mysql://x/y").exitCode());
    assertEquals(2, local("--database-url", postgres.jdbcUrl(), "--schema", "Robert'); DROP").exitCode());
    Run folderStore = local("--database-url", postgres.jdbcUrl(), "--pg-s3-import");
    assertEquals(2, folderStore.exitCode());
    assertTrue(folderStore.err().contains("needs an s3://bucket/prefix store"), folderStore.err());
  }
}
