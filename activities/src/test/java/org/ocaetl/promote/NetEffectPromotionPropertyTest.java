package org.ocaetl.promote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.model.OcaTable;
import org.ocaetl.store.LocalObjectStore;
import org.ocaetl.store.ObjectStore;
import org.ocaetl.testing.PostgresDatabaseExtension;
import org.ocaetl.testing.SchemaDigest;

/**
 * One promotion of a run's files as a net change set gives exactly what promoting the same files
 * one at a time in rule-1 order gives (docs/processing-rules.md#rule-1, #rule-2, #rule-4 to #rule-7,
 * #rule-14): the same tables, metadata and ledger (SchemaDigest, which includes each file's ledger
 * counts) and the same per-file results, over random sequences of runs.
 *
 * <p>The sequences mix Initial and Incr files, updates, deletes, deletes and versions of one id in
 * one file in either order, deletes then re-sends, replays of promoted files and plain re-requests
 * of them, late-arriving older files, equal run dates, failed cases (an id absent from a file, as
 * the exporter leaves a case that failed to convert, docs/processing-rules.md#rule-8) and address
 * rows with and without coordinates under a few shared natural keys (docs/processing-rules.md#rule-14).
 *
 * <p>The seed is printed; {@code -Doca.netEffect.seed=N} replays one, {@code
 * -Doca.netEffect.sequences=N} and {@code -Doca.netEffect.ids=N} change the size.
 */
class NetEffectPromotionPropertyTest {
  @RegisterExtension
  static final PostgresDatabaseExtension db = new PostgresDatabaseExtension();
  @TempDir Path storeDir;

  private static final String[] STREETS = {"1 Main St", "2 Oak Ave", null};

  @Test
  void oneNetPromotionPerRunEqualsOnePromotionPerFile() throws Exception {
    long seed = Long.getLong("oca.netEffect.seed", System.nanoTime());
    int sequences = Integer.getInteger("oca.netEffect.sequences", 12);
    int ids = Integer.getInteger("oca.netEffect.ids", 12);
    System.out.println("NetEffectPromotionPropertyTest seed " + seed + " (-Doca.netEffect.seed=" + seed + ")");
    LocalObjectStore store = new LocalObjectStore(storeDir);
    for (int s = 0; s < sequences; s++) {
      long sequenceSeed = seed + s;
      new Sequence(store, new Random(sequenceSeed), ids, "seed " + seed + ", sequence " + s).check();
    }
  }

  /** One random sequence of runs, promoted into two fresh schemas: net per run, and file by file. */
  private static final class Sequence {
    private final ObjectStore store;
    private final Random random;
    private final int ids;
    private final String label;
    private final Map<String, StagedFile> filesByName = new LinkedHashMap<>();
    private int coordinates;

    Sequence(ObjectStore store, Random random, int ids, String label) {
      this.store = store;
      this.random = random;
      this.ids = ids;
      this.label = label;
    }

    void check() throws Exception {
      PromotionHarness net = PromotionHarness.freshSchema(db.dataSource(), store);
      PromotionHarness oneByOne = PromotionHarness.freshSchema(db.dataSource(), store);
      // With the keys (and indexes) set aside for the small tables, or checked row by row.
      PromotionSettings settings =
          random.nextBoolean() ? PromotionSettings.DEFAULTS : PromotionHarness.KEYS_CHECKED_PER_ROW;
      int runs = 2 + random.nextInt(3);
      for (int r = 0; r < runs; r++) {
        List<StagedFile> run = run();
        List<FilePromotion> together = net.promote(settings, run.toArray(StagedFile[]::new)).files();
        List<FilePromotion> apart = new ArrayList<>();
        for (StagedFile f : run) {
          apart.addAll(oneByOne.promote(settings, f).files());
        }
        String where = label + ", run " + r + " "
            + run.stream().map(f -> f.fileName() + (f.replay() ? " (replay)" : "")).toList();
        assertEquals(apart, together, "per-file results, " + where);
        assertEquals(SchemaDigest.of(db.dataSource(), oneByOne.schema), SchemaDigest.of(db.dataSource(), net.schema),
            "schema digest, " + where);
      }
    }

    /** 1 to 5 files in rule-1 order: new ones, and promoted ones again (replayed or not). */
    private List<StagedFile> run() throws IOException {
      List<StagedFile> run = new ArrayList<>();
      int files = 1 + random.nextInt(5);
      for (int i = 0; i < files; i++) {
        if (!filesByName.isEmpty() && random.nextInt(5) == 0) {
          List<StagedFile> known = new ArrayList<>(filesByName.values());
          StagedFile again = known.get(random.nextInt(known.size()));
          run.add(new StagedFile(again.fileName(), again.extractDate(), again.sha256(), random.nextBoolean()));
        } else {
          run.add(newFile());
        }
      }
      run.sort(Comparator.comparing(StagedFile::extractDate)
          .thenComparing(f -> f.fileName().contains(".Incr."))
          .thenComparing(StagedFile::fileName));
      return run;
    }

    /** A file of a random day in a short window (equal and older dates are common). */
    private StagedFile newFile() throws IOException {
      LocalDate day = LocalDate.of(2024, 3, 1).plusDays(random.nextInt(12));
      String name = random.nextInt(3) == 0
          ? "LandlordTenant.Initial.FiledIn" + (2015 + random.nextInt(3)) + "." + day + ".zip"
          : "LandlordTenant.Incr." + day + ".zip";
      if (filesByName.containsKey(name)) {
        return filesByName.get(name);
      }
      StagedFileFixture fixture = StagedFileFixture.file(name);
      for (int id = 0; id < ids; id++) {
        records(fixture, "LT-" + id, name);
      }
      StagedFile file = fixture.writeTo(store);
      filesByName.put(name, file);
      return file;
    }

    /** What a file holds for one id: nothing (absent or failed), versions and deletes in any order. */
    private void records(StagedFileFixture fixture, String id, String tag) {
      int kind = random.nextInt(10);
      if (kind < 3) {
        return;
      }
      if (kind == 3) {
        fixture.delete(id);
        return;
      }
      if (kind == 6) {
        fixture.delete(id);
      }
      version(fixture, id, tag + "#1");
      if (kind == 4) {
        fixture.delete(id);
      } else if (kind == 5) {
        version(fixture, id, tag + "#2");
      }
    }

    private void version(StagedFileFixture fixture, String id, String tag) {
      fixture.version(id, c -> {
        c.index("court", "Court " + tag, "status", "S" + random.nextInt(3));
        for (int i = random.nextInt(3); i > 0; i--) {
          c.row(OcaTable.OCA_CAUSES, "causeofactiontype", "Cause " + tag + " " + i, "amount", i + ".50");
        }
        for (int i = random.nextInt(3); i > 0; i--) {
          c.row(OcaTable.OCA_PARTIES, "role", "Role " + tag + " " + i);
        }
        for (int i = random.nextInt(4); i > 0; i--) {
          address(c);
        }
      });
    }

    /** An address of a few shared keys, geocoded (unique coordinates) or not. */
    private void address(StagedFileFixture.CaseVersion c) {
      String street = STREETS[random.nextInt(STREETS.length)];
      if (random.nextBoolean()) {
        c.row(OcaTable.OCA_ADDRESSES, "street1", street, "city", "Brooklyn", "status", "not geocoded");
        return;
      }
      int n = ++coordinates;
      c.row(OcaTable.OCA_ADDRESSES, "street1", street, "city", "Brooklyn", "status", "found " + n,
          "bbl", "B" + n, "lat", Double.toString(40 + n * 0.001), "lon", Double.toString(-73 - n * 0.001));
    }
  }
}
