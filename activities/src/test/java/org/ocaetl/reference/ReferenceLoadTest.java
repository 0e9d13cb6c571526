package org.ocaetl.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.db.PostgisMode;
import org.ocaetl.promote.PromotionHarness;
import org.ocaetl.store.LocalObjectStore;
import org.ocaetl.testing.PostgresDatabaseExtension;

/** load-pluto and load-tracts against real PostgreSQL: happy path, replace, bad input, release record. */
class ReferenceLoadTest {
  /** A PLUTO-like header: more columns than used, in another order, upper case. */
  static final String PLUTO_HEADER = "Borough,Block,Lot,CD,BCT2020,BCTCB2020,CT2010,CB2010,Council,Address,UnitsRes,BBL\n";
  static final String SQUARE = "POLYGON((-74 40.6,-73.9 40.6,-73.9 40.7,-74 40.7,-74 40.6))";

  @RegisterExtension
  static final PostgresDatabaseExtension db = new PostgresDatabaseExtension();
  @TempDir Path dir;
  PromotionHarness h;

  @BeforeEach
  void freshSchema() throws Exception {
    h = PromotionHarness.freshSchema(db.dataSource(), new LocalObjectStore(dir));
  }

  @Test
  void plutoIsLoadedByHeaderNameWithItsReleaseRecorded() throws Exception {
    Path file = write("pluto_25v1_1.csv", PLUTO_HEADER
        + "MN,1,10,101,1000100,10001001000,1.00,1000,1,\"1 BROADWAY, NEW YORK\",12.0,1000010010.00000000\n"
        + "BK,2,20,302,3000200,30002002000,201.5,2000,33,2 JAY ST,,3000020020\n");

    ReferenceRelease release = new PlutoLoader(db.dataSource(), h.schema).load(file, "25v1.1");

    assertEquals(List.of("1000010010|12|1000100|10001001000|1.00|1000|101|1", "3000020020|∅|3000200|30002002000|201.50|2000|302|33"),
        h.rows("SELECT bbl, unitsres, bct2020, bctcb2020, ct2010, cb2010, cd, council FROM pluto ORDER BY bbl"));
    assertEquals(2, release.rows());
    assertEquals(sha256(file), release.sha256());
    assertEquals(List.of("pluto|25v1.1|pluto_25v1_1.csv|" + sha256(file) + "|2"),
        h.rows("SELECT table_name, release, file_name, sha256, row_count FROM oca_reference_releases"));
  }

  @Test
  void aNewReleaseReplacesTheOldAndBadInputChangesNothing() throws Exception {
    PlutoLoader loader = new PlutoLoader(db.dataSource(), h.schema);
    loader.load(write("a.csv", PLUTO_HEADER + "MN,1,10,101,x,y,1,1000,1,A,5,1000010010\n"), "24v1");
    loader.load(write("b.csv", PLUTO_HEADER + "MN,1,11,101,x,y,1,1000,1,A,50,1000010011\n"), "25v1");
    List<String> loaded = List.of("1000010011|50");
    assertEquals(loaded, h.rows("SELECT bbl, unitsres FROM pluto"));

    BadReferenceFileException badNumber = assertThrows(BadReferenceFileException.class, () -> loader.load(
        write("c.csv", PLUTO_HEADER + "MN,1,12,101,x,y,1,1000,1,A,7,1000010012\nMN,1,13,101,x,y,1,1000,1,A,many,1000010013\n"),
        "26v1"));
    assertEquals("c.csv line 3: column unitsres value 'many' is not a number", badNumber.getMessage());

    BadReferenceFileException missing = assertThrows(BadReferenceFileException.class, () -> loader.load(
        write("d.csv", "bbl,unitsres\n1000010014,3\n"), "26v1"));
    assertTrue(missing.getMessage().startsWith("d.csv: the header has no column bct2020"), missing.getMessage());

    assertEquals(loaded, h.rows("SELECT bbl, unitsres FROM pluto"), "the failed loads left the previous release");
    assertEquals(List.of("24v1", "25v1"), h.rows("SELECT release FROM oca_reference_releases ORDER BY loaded_at"));
  }

  @Test
  void tractsAreLoadedFromWktAsMultiPolygonsWithTheirRelease() throws Exception {
    Path file = write("nyct2020.csv", "the_geom,GEOID,CTLabel\n"
        + "\"" + SQUARE + "\",36047000100,1\n"
        + "\"MULTIPOLYGON(((-73.9 40.6,-73.8 40.6,-73.8 40.7,-73.9 40.6)))\",36081000200,2\n");

    ReferenceRelease release = new TractsLoader(db.dataSource(), h.schema).load(file, "2020");

    assertEquals(List.of("36|047|000100|36047000100|ST_MultiPolygon|4326", "36|081|000200|36081000200|ST_MultiPolygon|4326"),
        h.rows("SELECT statefp, countyfp, tractce, geoid, public.ST_GeometryType(geom), public.ST_SRID(geom)"
            + " FROM tracts ORDER BY geoid"));
    assertEquals("tracts|2020|nyct2020.csv|2", release.table() + "|" + release.release() + "|" + release.fileName()
        + "|" + release.rows());

    BadReferenceFileException bad = assertThrows(BadReferenceFileException.class, () -> new TractsLoader(
        db.dataSource(), h.schema).load(write("bad.csv", "STATEFP,COUNTYFP,TRACTCE,GEOID,WKT\n"
            + "36,047,000300,36047000300,\"" + SQUARE + "\"\n"
            + "36,047,000400,36047000400,POLYGON((-74 40.6 oops\n"), "2021"));
    assertTrue(bad.getMessage().startsWith("bad.csv line 3: geometry value 'POLYGON((-74 40.6 oops' is not WKT"),
        bad.getMessage());
    BadReferenceFileException point = assertThrows(BadReferenceFileException.class, () -> new TractsLoader(
        db.dataSource(), h.schema).load(write("point.csv", "geoid,wkt\n36047000300,POINT(-74 40.6)\n"), "2021"));
    assertEquals("point.csv line 2: geometry value 'POINT(-74 40.6)' is not a POLYGON or MULTIPOLYGON", point.getMessage());
    assertEquals(List.of("2"), h.rows("SELECT count(*) FROM tracts"), "the failed loads left the previous release");
    assertEquals(List.of("tracts|2020"), h.rows("SELECT table_name, release FROM oca_reference_releases"));
  }

  @Test
  void tractsNeedPostgis() throws Exception {
    PromotionHarness plain = PromotionHarness.freshSchema(db.dataSource(), new LocalObjectStore(dir), PostgisMode.OFF);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> new TractsLoader(db.dataSource(),
        plain.schema).load(write("t.csv", "geoid,wkt\n36047000100,\"" + SQUARE + "\"\n"), "2020"));
    assertTrue(e.getMessage().startsWith("load-tracts needs PostGIS: schema " + plain.schema), e.getMessage());
  }

  private Path write(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content);
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
