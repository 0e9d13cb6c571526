package org.ocaetl.publish;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.ocaetl.model.OcaTable;
import org.ocaetl.promote.PromotionHarness;
import org.ocaetl.promote.StagedFileFixture;
import org.ocaetl.store.LocalObjectStore;
import org.ocaetl.store.ObjectStore;
import org.ocaetl.store.StoreKeys;
import org.ocaetl.testing.FailingObjectStore;

/**
 * Weekly files that add, update, move and delete cases across several parts (filed years
 * 2018-2024 and undated), each published into one store from parts and compared byte for byte with
 * a full export of the same snapshot (docs/storage.md#published-parts). Shared by the folder and
 * the S3 test.
 */
final class PartedPublishScenario {
  final PromotionHarness h;
  final FailingObjectStore store;
  private final Path referenceRoot;

  PartedPublishScenario(PromotionHarness h, FailingObjectStore store, Path referenceRoot) {
    this.h = h;
    this.store = store;
    this.referenceRoot = referenceRoot;
  }

  /** The weeks, each published and compared; returns the keys of parts the last publish opened. */
  void run() throws Exception {
    promote("LandlordTenant.Incr.2024-01-05.zip", f -> f
        .version("K-2017", c -> filed(c, "k", "2017-02-01"))
        .version("G-2018", c -> filed(c, "g", "2018-02-01"))
        .version("A-2019", c -> filed(c, "a", "2019-03-01"))
        .version("B-2019", c -> filed(c, "b", "2019-04-01"))
        .version("C-2020", c -> filed(c, "c", "2020-05-01"))
        .version("D-2021", c -> filed(c, "d", "2021-06-01"))
        .version("E-none", c -> filed(c, "e", "")));
    List<String> first = publishAndCompare();
    assertTrue(first.contains(part("oca_index.csv", "2018")), first.toString());
    assertTrue(first.contains(part("oca_index.csv", "undated")), first.toString());

    // Updates B in 2019, moves C from 2020 to 2022, deletes D (2021), adds F (2023), and gives K a
    // cause more with the same oca_index row (the promotion still rewrites it: 2017 is marked).
    promote("LandlordTenant.Incr.2024-01-12.zip", f -> f
        .version("K-2017", c -> filed(c, "k", "2017-02-01").row(OcaTable.OCA_CAUSES, "causeofactiontype", "More"))
        .version("B-2019", c -> filed(c, "b2", "2019-04-01"))
        .version("C-2020", c -> filed(c, "c2", "2022-05-01"))
        .delete("D-2021")
        .version("F-2023", c -> filed(c, "f", "2023-07-01")));
    List<String> second = publishAndCompare();
    for (String year : List.of("2017", "2019", "2022", "2023")) {
      assertTrue(second.contains(part("oca_causes.csv", year)), year + " " + second);
    }
    // 2020 and 2021 were exported too, and are empty now: no object, no part of the file.
    assertFalse(second.contains(part("oca_causes.csv", "2018")), "2018 did not change: " + second);
    assertFalse(second.contains(part("oca_index.csv", "undated")), "undated did not change: " + second);
    assertTrue(second.contains(part("oca_metadata.csv", "undated")), "D's tombstone is undated now: " + second);

    // The geocode backfill updates addresses only: only the address files' part is exported.
    h.rows("UPDATE " + h.schema + ".oca_addresses SET lat = 40.7, lon = -73.9 WHERE indexnumberid = 'A-2019' RETURNING 1");
    List<String> geocoded = publishAndCompare();
    assertEquals(
        List.of(part("oca_addresses.csv", "2019"), part("oca_addresses_private.csv", "2019"),
            part("oca_addresses_with_bbl.csv", "2019"), part("oca_addresses_with_ct.csv", "2019")),
        geocoded.stream().sorted().toList());

    // A publish that fails half way leaves the marks: the next one still gives the same bytes.
    promote("LandlordTenant.Incr.2024-01-19.zip", f -> f
        .version("A-2019", c -> filed(c, "a3", "2019-03-01"))
        .version("H-2024", c -> filed(c, "h", "2024-01-02")));
    store.failNextComposeOf("public/oca_events.csv");
    assertThrows(IOException.class, () -> new PublicSnapshot(h.dataSource, store).publish(h.schema));
    assertTrue(Long.parseLong(h.rows("SELECT count(*) FROM " + h.schema + ".oca_publish_dirty_parts").getFirst()) > 0);
    publishAndCompare();
    assertEquals("0", h.rows("SELECT count(*) FROM " + h.schema + ".oca_publish_dirty_parts").getFirst());
  }

  /** Publishes from parts, compares every CSV with a full export; returns the part objects written. */
  List<String> publishAndCompare() throws Exception {
    store.takeOpened();
    SnapshotResult parted = new PublicSnapshot(h.dataSource, store).publish(h.schema);
    List<String> opened = store.takeOpened();
    assertIdenticalToFullExport(parted);
    return opened;
  }

  void assertIdenticalToFullExport(SnapshotResult parted) throws Exception {
    Path root = Files.createTempDirectory(referenceRoot, "full-");
    LocalObjectStore reference = new LocalObjectStore(root);
    SnapshotResult full = new PublicSnapshot(h.dataSource, reference, new WholeFileExporter(reference)).publish(h.schema);
    assertEquals(full.rowsPerObject(), parted.rowsPerObject());
    List<String> keys = new ArrayList<>(reference.list(StoreKeys.PUBLIC));
    keys.add(PublicSnapshot.PRIVATE_ADDRESSES_KEY);
    for (String key : keys) {
      assertArrayEquals(bytes(reference, key), bytes(store, key), key);
    }
  }

  static String part(String file, String part) {
    return StoreKeys.publishParts(file) + part + ".csv";
  }

  private void promote(String fileName, Consumer<StagedFileFixture> cases) throws Exception {
    StagedFileFixture file = StagedFileFixture.file(fileName);
    cases.accept(file);
    h.promote(PromotionHarness.KEYS_CHECKED_PER_ROW, file.writeTo(store));
  }

  private static StagedFileFixture.CaseVersion filed(StagedFileFixture.CaseVersion c, String tag, String fileddate) {
    return c.everySection(tag).index("fileddate", fileddate.isEmpty() ? null : fileddate);
  }

  private static byte[] bytes(ObjectStore store, String key) throws IOException {
    try (InputStream in = store.get(key)) {
      return in.readAllBytes();
    }
  }
}
