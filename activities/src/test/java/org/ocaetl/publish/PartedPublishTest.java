package org.ocaetl.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.promote.PromotionHarness;
import org.ocaetl.store.LocalObjectStore;
import org.ocaetl.testing.FailingObjectStore;
import org.ocaetl.testing.PostgresDatabaseExtension;

/**
 * Publishing from parts into a folder store (docs/storage.md#published-parts): after every weekly
 * file, and after a publish that failed half way, the public files are byte-identical to a full
 * export of the same snapshot; whatever makes the stored parts doubtful gives a full export.
 */
class PartedPublishTest {
  @RegisterExtension
  static final PostgresDatabaseExtension db = new PostgresDatabaseExtension();
  @TempDir Path storeDir;
  @TempDir Path referenceDir;
  PartedPublishScenario scenario;

  @BeforeEach
  void freshSchema() throws Exception {
    FailingObjectStore store = new FailingObjectStore(new LocalObjectStore(storeDir));
    scenario = new PartedPublishScenario(PromotionHarness.freshSchema(db.dataSource(), store), store, referenceDir);
  }

  @Test
  void weeklyFilesAndAFailedPublishGiveTheBytesOfAFullExport() throws Exception {
    scenario.run();
  }

  @Test
  void aMissingPartGivesAFullExport() throws Exception {
    scenario.run();
    Path missing = storeDir.resolve(PartedPublishScenario.part("oca_causes.csv", "2018"));
    Files.delete(missing);
    // Nothing changed in the tables: only the missing part makes the file be exported again.
    List<String> opened = scenario.publishAndCompare();
    assertTrue(Files.exists(missing));
    assertTrue(opened.containsAll(List.of(
        PartedPublishScenario.part("oca_causes.csv", "2018"), PartedPublishScenario.part("oca_causes.csv", "2024"))),
        opened.toString());
    assertEquals(List.of(), opened.stream().filter(k -> k.contains("/oca_index.csv/")).toList(), "other files unchanged");
  }

  @Test
  void aChangedColumnListGivesAFullExport() throws Exception {
    scenario.run();
    PromotionHarness h = scenario.h;
    try (Connection c = h.connection(); Statement st = c.createStatement()) {
      st.execute("ALTER TABLE " + h.schema + ".oca_metadata ADD COLUMN note text DEFAULT 'n'");
    }
    List<String> opened = scenario.publishAndCompare();
    assertTrue(opened.contains(PartedPublishScenario.part("oca_metadata.csv", "2018")), opened.toString());
  }

  @Test
  void aRepublishExportsEveryPart() throws Exception {
    scenario.run();
    scenario.store.takeOpened();
    SnapshotResult republished = new PublicSnapshot(db.dataSource(), scenario.store).publish(scenario.h.schema, true);
    List<String> opened = scenario.store.takeOpened();
    assertTrue(opened.contains(PartedPublishScenario.part("oca_index.csv", "2018")), opened.toString());
    assertTrue(opened.contains(PartedPublishScenario.part("oca_index.csv", "undated")), opened.toString());
    scenario.assertIdenticalToFullExport(republished);
  }
}
