package org.ocaetl.promote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ocaetl.db.SqlIdentifier;
import org.ocaetl.model.OcaTable;
import org.ocaetl.schema.PromotedFiles;
import org.ocaetl.schema.PromotionLock;
import org.ocaetl.store.StoreKeys;
import org.ocaetl.testing.Await;
import org.ocaetl.testing.FailingObjectStore;
import org.ocaetl.testing.PostgresDatabaseExtension;
import org.ocaetl.testing.SchemaDigest;

/** Exactly-once (docs/processing-rules.md#rule-2), atomicity, the ledger, locking and error reporting. */
class PromotionTransactionTest {
  private static final String MAR_01 = "LandlordTenant.Incr.2024-03-01.zip";
  private static final String MAR_08 = "LandlordTenant.Incr.2024-03-08.zip";
  private static final String MAR_15 = "LandlordTenant.Incr.2024-03-15.zip";

  @RegisterExtension
  static final PostgresDatabaseExtension db = new PostgresDatabaseExtension();
  @RegisterExtension
  final FreshSchemaExtension fresh = new FreshSchemaExtension(db);
  StagedFile first;

  @BeforeEach
  void freshSchemaWithOneFile() throws Exception {
    first = StagedFileFixture.file(MAR_01).fullVersion("LT-1", "v1").fullVersion("LT-2", "v1").writeTo(fresh.store());
    fresh.harness().promote(first);
  }

  /** The digest of a fresh schema after the first file and then {@code files} were promoted without fault. */
  private Map<String, String> faultFree(StagedFile... files) throws Exception {
    PromotionHarness clean = PromotionHarness.freshSchema(db.dataSource(), fresh.store());
    clean.promote(first);
    clean.promote(files);
    return SchemaDigest.of(db.dataSource(), clean.schema);
  }

  @Test
  void sameRequestTwiceIsAppliedOnce() throws Exception {
    StagedFile f = StagedFileFixture.file(MAR_08).fullVersion("LT-1", "v2").delete("LT-2").writeTo(fresh.store());
    PromotionRequest request = new PromotionRequest(List.of(f), "wf-1", "run-1");
    FilePromotion first = fresh.harness().transaction().promote(request).files().getFirst();
    Map<String, String> afterFirst = fresh.harness().dumpEverything();

    // An activity retry after a lost response, or a re-run of a completed run.
    FilePromotion second = fresh.harness().transaction().promote(request).files().getFirst();

    assertFalse(first.alreadyPromoted());
    assertTrue(second.alreadyPromoted());
    assertEquals(new FilePromotion(f.fileName(), f.extractDate(), true, 0, 0, 0, 0, Map.of()), second);
    assertEquals(afterFirst, fresh.harness().dumpEverything(), "nothing changed, ledger included");
    // Checksums compare case-insensitively.
    StagedFile upper = new StagedFile(f.fileName(), f.extractDate(), f.sha256().toUpperCase(Locale.ROOT));
    assertTrue(fresh.harness().promote(upper).files().getFirst().alreadyPromoted());
  }

  @Test
  void replayOfAPromotedFileAppliesItAgainButNeverOverNewerData() throws Exception {
    // MAR_01 is promoted by the fixture; a newer file then updates LT-1 and deletes nothing.
    StagedFile newer = StagedFileFixture.file(MAR_08).fullVersion("LT-1", "v2").writeTo(fresh.store());
    fresh.harness().promote(newer);
    Map<String, String> afterNewer = fresh.harness().dumpTables();
    String ledgerBefore =
        fresh.harness().rows("SELECT workflow_id FROM oca_promoted_files WHERE file_name = '" + MAR_01 + "'").getFirst();

    StagedFile original = StagedFileFixture.file(MAR_01).fullVersion("LT-1", "v1").fullVersion("LT-2", "v1")
        .writeTo(fresh.store());
    StagedFile replay = new StagedFile(original.fileName(), original.extractDate(), original.sha256(), true);
    FilePromotion replayed =
        fresh.harness().transaction().promote(new PromotionRequest(List.of(replay), "wf-replay", "run-replay"))
            .files().getFirst();

    assertFalse(replayed.alreadyPromoted(), "a replay is applied, not skipped");
    assertEquals(1, replayed.casesApplied(), "LT-2 (same date) is applied again");
    assertEquals(1, replayed.casesSkippedOlder(), "LT-1 has newer data (rule 5)");
    assertEquals(afterNewer, fresh.harness().dumpTables(), "re-applying the same versions changes no data");
    assertEquals("wf-test", ledgerBefore);
    assertEquals(
        List.of("wf-replay"),
        fresh.harness().rows("SELECT workflow_id FROM oca_promoted_files WHERE file_name = '" + MAR_01 + "'"),
        "the ledger says who applied the file last");
  }

  @Test
  void sameNameWithAnotherChecksumIsRefusedAndNothingChanges() throws Exception {
    Map<String, String> before = fresh.harness().dumpEverything();
    String promoted = fresh.harness().rows("SELECT sha256 FROM oca_promoted_files").getFirst();
    StagedFile newFile = StagedFileFixture.file(MAR_08).fullVersion("LT-3", "new").writeTo(fresh.store());
    StagedFile changed =
        StagedFileFixture.file(MAR_01).fullVersion("LT-1", "tampered").sha256("ab".repeat(32)).writeTo(fresh.store());

    // The new file comes first in the request: its changes must be rolled back too.
    LedgerConflictException e =
        assertThrows(LedgerConflictException.class, () -> fresh.harness().promote(newFile, changed));

    assertInstanceOf(PromotionRejectedException.class, e);
    assertEquals(MAR_01, e.fileName());
    assertTrue(e.getMessage().contains(MAR_01), e.getMessage());
    assertTrue(e.getMessage().contains(promoted), e.getMessage());
    assertTrue(e.getMessage().contains("ab".repeat(32)), e.getMessage());
    assertEquals(before, fresh.harness().dumpEverything());
  }

  @Test
  void invalidValueInALaterFileRollsBackEverything() throws Exception {
    Map<String, String> before = fresh.harness().dumpEverything();
    StagedFile good = StagedFileFixture.file(MAR_08).fullVersion("LT-1", "v2").delete("LT-2").writeTo(fresh.store());
    StagedFile bad =
        StagedFileFixture.file(MAR_15)
            .version("LT-9", c -> c.row(OcaTable.OCA_CAUSES, "interestfromdate", "2024-02-30"))
            .writeTo(fresh.store());

    SQLException e = assertThrows(SQLException.class, () -> fresh.harness().promote(good, bad));

    assertEquals("22008", e.getSQLState(), e.getMessage()); // date/time field value out of range
    assertTrue(e.getMessage().contains("oca_causes.csv of " + MAR_15 + " failed at line 2"), e.getMessage());
    assertEquals(before, fresh.harness().dumpEverything(), "byte-for-byte unchanged, ledger included");
  }

  @Test
  void storeFailureMidPromotionRollsBackEverything() throws Exception {
    Map<String, String> before = fresh.harness().dumpEverything();
    StagedFile f = StagedFileFixture.file(MAR_08).fullVersion("LT-1", "v2").delete("LT-2").writeTo(fresh.store());
    StagedFile g = StagedFileFixture.file(MAR_15).fullVersion("LT-3", "v").writeTo(fresh.store());
    // The 15th get is the third CSV of the second file: the first file is applied by then.
    PromotionTransaction failing =
        new PromotionTransaction(
            db.dataSource(), fresh.harness().schema, new FailingObjectStore(fresh.store()).failNthRead(15));

    IOException e =
        assertThrows(
            IOException.class, () -> failing.promote(new PromotionRequest(List.of(f, g), "wf", "run")));

    assertTrue(e.getMessage().startsWith("Injected failure"), e.getMessage());
    assertEquals(before, fresh.harness().dumpEverything());
    // The retry of the whole promotion then succeeds.
    assertEquals(2, fresh.harness().promote(f, g).files().stream().filter(p -> !p.alreadyPromoted()).count());
    assertEquals(faultFree(f, g), SchemaDigest.of(db.dataSource(), fresh.harness().schema));
  }

  @Test
  void aConnectionDroppedMidPromotionRollsBackAndTheRetryApplies() throws Exception {
    Map<String, String> before = fresh.harness().dumpEverything();
    StagedFile f = StagedFileFixture.file(MAR_08).fullVersion("LT-1", "v2").delete("LT-2").writeTo(fresh.store());
    StagedFile g = StagedFileFixture.file(MAR_15).fullVersion("LT-3", "v").writeTo(fresh.store());
    // Before the 15th read (the third CSV of the second file: the first file is applied by then)
    // the server ends the promotion's backend, as a failover or a network cut does.
    PromotionTransaction dropped = new PromotionTransaction(db.dataSource(), fresh.harness().schema,
        new FailingObjectStore(fresh.store()).beforeNthRead(15, () -> terminatePromotionBackend(fresh.harness().schema)));

    SQLException e = assertThrows(
        SQLException.class, () -> dropped.promote(new PromotionRequest(List.of(f, g), "wf", "run")));

    assertTrue(e.getSQLState().startsWith("08") || e.getSQLState().equals("57P01"), e.getSQLState() + " " + e);
    assertEquals(before, fresh.harness().dumpEverything(),
        "rolled back by the server: nothing half-applied, ledger included");
    assertEquals(2, fresh.harness().promote(f, g).files().stream().filter(p -> !p.alreadyPromoted()).count());
    assertEquals(faultFree(f, g), SchemaDigest.of(db.dataSource(), fresh.harness().schema));
  }

  @Test
  void stagingContractViolationsAreRejectedWithCountsOnly() throws Exception {
    Map<String, String> before = fresh.harness().dumpEverything();
    StagedFile f = StagedFileFixture.file(MAR_08).fullVersion("LT-5", "v").writeTo(fresh.store());
    // An exporter bug: the metadata lost the case version, and a cause row has no case.
    overwrite(f, OcaTable.OCA_METADATA, "indexnumberid,initialdate,updatedate,deletedate\n");
    overwrite(f, OcaTable.OCA_CAUSES,
        "indexnumberid,causeofactiontype,interestfromdate,amount\nLT-5,x,,\nLT-6,y,,\n");

    StagedFileInvalidException e = assertThrows(StagedFileInvalidException.class, () -> fresh.harness().promote(f));

    assertTrue(e.getMessage().contains("index_rows_without_case_version=1"), e.getMessage());
    assertTrue(e.getMessage().contains("oca_causes_rows_without_index_row=1"), e.getMessage());
    assertEquals(before, fresh.harness().dumpEverything());
  }

  @Test
  void staleHeaderOrderIsRejected() throws Exception {
    StagedFile f = StagedFileFixture.file(MAR_08).fullVersion("LT-5", "v").writeTo(fresh.store());
    overwrite(f, OcaTable.OCA_CAUSES, "indexnumberid,amount,interestfromdate,causeofactiontype\n");

    SQLException e = assertThrows(SQLException.class, () -> fresh.harness().promote(f));

    assertTrue(e.getMessage().contains("oca_causes.csv of " + MAR_08), e.getMessage());
  }

  @Test
  void addressLoadErrorsNeverCarryStreetText() throws Exception {
    StagedFile f = StagedFileFixture.file(MAR_08).fullVersion("LT-5", "v").writeTo(fresh.store());
    String header = OcaTable.OCA_ADDRESSES.columnList();
    for (String badLine :
        List.of(
            "LT-5,12 Secret Street,,Brooklyn,NY,11201,,,,,,,,,not-a-latitude 12 Secret Street,,,,,,,,,,,",
            "LT-5,12 Secret Street,Apt 9 Secret,Brooklyn,NY,11201,extra,columns,here,,,,,,,,,,,,,,,,,,,,")) {
      overwrite(f, OcaTable.OCA_ADDRESSES, header + "\n" + badLine + "\n");

      SQLException e = assertThrows(SQLException.class, () -> fresh.harness().promote(f));

      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      assertFalse(trace.toString().contains("Secret"), trace.toString());
      assertTrue(e.getMessage().contains("oca_addresses.csv of " + MAR_08 + " failed at line 2"), e.getMessage());
    }
  }

  @Test
  void concurrentPromotionsOfOneSchemaRunOneAfterTheOther() throws Exception {
    StagedFile f = StagedFileFixture.file(MAR_08).fullVersion("LT-1", "v2").writeTo(fresh.store());
    PromotionRequest request = new PromotionRequest(List.of(f), "wf", "run");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (Connection holder = holdPromotionLock(fresh.harness().schema)) {
      Future<PromotionResult> one = pool.submit(() -> fresh.harness().transaction().promote(request));
      Future<PromotionResult> two = pool.submit(() -> fresh.harness().transaction().promote(request));
      awaitAdvisoryLockWaiters(2);
      holder.commit(); // release: the two now run one after the other

      List<FilePromotion> results =
          List.of(one.get().files().getFirst(), two.get().files().getFirst());
      assertEquals(1, results.stream().filter(FilePromotion::alreadyPromoted).count(), results.toString());
      assertEquals(1, results.stream().filter(p -> p.casesApplied() == 1).count(), results.toString());
    } finally {
      pool.shutdownNow();
    }
    assertEquals(List.of("Court v2"), fresh.harness().rows("SELECT court FROM oca_index WHERE indexnumberid = 'LT-1'"));
  }

  @Test
  void lockTimeoutIsARetryableErrorAndOtherSchemasAreNotBlocked() throws Exception {
    Map<String, String> before = fresh.harness().dumpEverything();
    StagedFile f = StagedFileFixture.file(MAR_08).fullVersion("LT-1", "v2").writeTo(fresh.store());
    PromotionSettings impatient = PromotionSettings.DEFAULTS.withLockTimeout(Duration.ofMillis(200));
    PromotionHarness other = PromotionHarness.freshSchema(db.dataSource(), fresh.store());

    try (Connection holder = holdPromotionLock(fresh.harness().schema)) {
      PromotionLockTimeoutException e =
          assertThrows(
              PromotionLockTimeoutException.class,
              () -> new PromotionTransaction(db.dataSource(), fresh.harness().schema, fresh.store(), impatient)
                  .promote(new PromotionRequest(List.of(f), "wf", "run")));
      assertInstanceOf(SQLTransientException.class, e);
      assertEquals("55P03", e.getSQLState());

      // Another schema has its own lock.
      new PromotionTransaction(db.dataSource(), other.schema, fresh.store(), impatient)
          .promote(new PromotionRequest(List.of(f), "wf", "run"));
      holder.rollback();
    }
    assertEquals(before, fresh.harness().dumpEverything());
    assertEquals(List.of("LT-1"), other.rows("SELECT indexnumberid FROM oca_index"));
    // Once the holder is gone, the retry gets the lock and applies the file.
    new PromotionTransaction(db.dataSource(), fresh.harness().schema, fresh.store(), impatient)
        .promote(new PromotionRequest(List.of(f), "wf", "run"));
    assertEquals(faultFree(f), SchemaDigest.of(db.dataSource(), fresh.harness().schema));
  }

  @Test
  void malformedChecksumIsRejectedBeforeConnecting() {
    StagedFile f = new StagedFile(MAR_08, LocalDate.of(2024, 3, 8), "not-a-sha");
    assertThrows(StagedFileInvalidException.class, () -> fresh.harness().promote(f));
  }

  @Test
  void promotedFilesListsTheLedger() throws Exception {
    StagedFile f = StagedFileFixture.file(MAR_15).delete("LT-2").writeTo(fresh.store());
    fresh.harness().promote(f);
    fresh.harness().promote(StagedFileFixture.file(MAR_08).fullVersion("LT-1", "late").writeTo(fresh.store()));

    PromotedFiles ledger = new PromotedFiles(db.dataSource(), fresh.harness().schema);
    Map<String, PromotedFiles.PromotedFile> all = ledger.all();

    assertEquals(List.of(MAR_01, MAR_08, MAR_15), List.copyOf(all.keySet()));
    assertTrue(all.get(MAR_15).sameContent(f.sha256()));
    assertEquals(LocalDate.of(2024, 3, 15), all.get(MAR_15).extractDate());
    assertEquals("wf-test", all.get(MAR_15).workflowId());
    assertEquals(LocalDate.of(2024, 3, 15), ledger.latestExtractDate().orElseThrow());
    assertEquals(
        all.values().stream().map(PromotedFiles.PromotedFile::promotedAt).max(Comparator.naturalOrder()),
        ledger.lastPromotedAt(),
        "the staleness gauge's start value");
    assertEquals(
        List.of("1|0|0|0|1"),
        fresh.harness().rows("SELECT counts->'casesDeleted', counts->'casesApplied', counts->'casesSkippedOlder',"
            + " counts->'casesTombstoned', counts->'rowsDeleted'->'oca_causes'"
            + " FROM oca_promoted_files WHERE file_name = '" + MAR_15 + "'"));
  }

  private void overwrite(StagedFile f, OcaTable table, String csv) throws IOException {
    fresh.store().put(
        StoreKeys.stagedCsv(f.fileName(), table),
        new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
        "text/csv");
  }

  /** A transaction holding the schema's promotion lock until it ends. */
  private static Connection holdPromotionLock(String schema) throws SQLException {
    Connection c = db.dataSource().getConnection();
    c.setAutoCommit(false);
    try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
      ps.setLong(1, PromotionLock.key(SqlIdentifier.of(schema)));
      ps.execute();
    }
    return c;
  }

  /** Ends the backend that holds the schema's promotion lock (pg_terminate_backend). */
  private static void terminatePromotionBackend(String schema) {
    try (Connection c = db.dataSource().getConnection();
        PreparedStatement ps = c.prepareStatement(
            "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted"
                + " AND objid::bigint = (? & 4294967295) AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")) {
      ps.setLong(1, PromotionLock.key(SqlIdentifier.of(schema)));
      try (var rs = ps.executeQuery()) {
        if (!rs.next() || !rs.getBoolean(1)) {
          throw new IllegalStateException("no promotion holds the lock of " + schema);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void awaitAdvisoryLockWaiters(int expected) throws Exception {
    Await.until(Duration.ofSeconds(20), expected + " promotions queued on the advisory lock", () -> {
      try (Connection c = db.dataSource().getConnection();
          var rs = c.createStatement().executeQuery(
              "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted"
                  + " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")) {
        rs.next();
        return rs.getInt(1);
      }
    }, waiting -> waiting >= expected);
  }
}
