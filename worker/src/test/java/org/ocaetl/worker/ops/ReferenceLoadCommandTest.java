package org.ocaetl.worker.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.testing.PostgresDatabaseExtension;
import org.ocaetl.worker.testing.Cli;

/** {@code oca load-pluto} / {@code oca load-tracts} end to end: migrate, load, record, exit codes. */
class ReferenceLoadCommandTest {
  @RegisterExtension
  static final PostgresDatabaseExtension db = new PostgresDatabaseExtension();
  @TempDir Path dir;

  @Test
  void loadsIntoTheGivenSchemaAndPrintsTheRecordedRelease() throws Exception {
    Path pluto = Files.writeString(dir.resolve("pluto.csv"),
        "bbl,unitsres,bct2020,bctcb2020,ct2010,cb2010,cd,council\n1000010010,20,1,2,3,4,101,1\n");
    Cli loaded = Cli.run("load-pluto", pluto.toString(), "--release", "25v1.1", "--database-url", db.jdbcUrl(),
        "--schema", "ref_cli");
    assertEquals(0, loaded.exitCode(), loaded.toString());
    assertTrue(loaded.out().contains("\"release\" : \"25v1.1\"") && loaded.out().contains("\"rows\" : 1"), loaded.out());

    Path bad = Files.writeString(dir.resolve("bad.csv"),
        "bbl,unitsres,bct2020,bctcb2020,ct2010,cb2010,cd,council\n1000010011,lots,1,2,3,4,101,1\n");
    Cli refused = Cli.run("load-pluto", bad.toString(), "--release", "26v1", "--database-url", db.jdbcUrl(),
        "--schema", "ref_cli");
    assertEquals(1, refused.exitCode(), refused.toString());
    assertEquals(List.of("1000010010|20"), rows("SELECT bbl || '|' || unitsres FROM ref_cli.pluto"));
    assertEquals(List.of("pluto|25v1.1|pluto.csv"),
        rows("SELECT table_name || '|' || release || '|' || file_name FROM ref_cli.oca_reference_releases"));

    Path tracts = Files.writeString(dir.resolve("tracts.csv"),
        "geoid,wkt\n36047000100,\"POLYGON((-74 40.6,-73.9 40.6,-73.9 40.7,-74 40.6))\"\n");
    assertEquals(0, Cli.run("load-tracts", tracts.toString(), "--release", "2020", "--database-url", db.jdbcUrl(),
        "--schema", "ref_cli").exitCode());
    Cli noPostgis = Cli.run("load-tracts", tracts.toString(), "--release", "2020", "--database-url", db.jdbcUrl(),
        "--schema", "ref_plain", "--postgis", "off");
    assertEquals(1, noPostgis.exitCode(), noPostgis.toString());
    assertEquals(List.of("1"), rows("SELECT count(*)::text FROM ref_cli.tracts"));
    assertEquals(2, Cli.run("load-pluto", pluto.toString(), "--database-url", db.jdbcUrl()).exitCode(),
        "--release is required");
  }

  private static List<String> rows(String sql) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection c = db.dataSource().getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }
}
