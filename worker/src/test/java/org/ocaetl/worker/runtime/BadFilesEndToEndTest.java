package org.ocaetl.worker.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.store.StoreKeys;
import org.ocaetl.testing.PostgresDatabaseExtension;
import org.ocaetl.testing.TestExtracts;
import org.ocaetl.worker.testing.EndToEnd;
import org.ocaetl.worker.testing.Extracts;
import org.ocaetl.workflows.FailureTypes;
import org.ocaetl.workflows.model.FileOutcome;
import org.ocaetl.workflows.model.FileOutcome.Outcome;
import org.ocaetl.workflows.model.RunResult;

/**
 * Files that must never change the database, through whole runs: hostile or broken extracts
 * (docs/processing-rules.md#rule-3) and a file re-delivered under a promoted name with other bytes (docs/processing-rules.md#rule-2). The database
 * after such a run equals the database of a fault-free run of the good files alone.
 */
class BadFilesEndToEndTest {
  static final String INITIAL = "LandlordTenant.Initial.FiledIn2024.2024-03-01.zip";
  static final String XXE = "LandlordTenant.Incr.2024-03-08.zip";
  static final String LAUGHS = "LandlordTenant.Incr.2024-03-15.zip";
  static final String MALFORMED = "LandlordTenant.Incr.2024-03-22.zip";
  static final String TRUNCATED = "LandlordTenant.Incr.2024-03-29.zip";

  @RegisterExtension
  static final PostgresDatabaseExtension postgres = new PostgresDatabaseExtension();

  @TempDir Path root;
  EndToEnd e2e;

  @BeforeEach
  void start() throws Exception {
    e2e = new EndToEnd(postgres.database(), root);
    Extracts.write(e2e.inbox, INITIAL, "2024-03-01", Extracts.live("A", "Bronx Housing Court"), Extracts.live("B", "Kings Housing Court"));
  }

  @AfterEach
  void stop() {
    e2e.close();
  }

  @Test
  void hostileAndBrokenFilesAreRejectedAndApplyNothing() throws Exception {
    TestExtracts.zip(e2e.inbox, XXE, TestExtracts.externalEntityAttack("2024-03-08"));
    TestExtracts.zip(e2e.inbox, LAUGHS, TestExtracts.entityExpansionAttack("2024-03-15"));
    TestExtracts.zip(e2e.inbox, MALFORMED,
        TestExtracts.extract("2024-03-22", Extracts.live("A", "Changed Court"), "<Index><IndexNumberId>C</IndexNumberId><Court>x</Status></Index>"));
    Path whole = Extracts.write(root, TRUNCATED, "2024-03-29", Extracts.live("B", "Changed Court"), Extracts.deleted("A"));
    TestExtracts.truncated(whole, e2e.inbox.resolve(TRUNCATED), 0.6);

    RunResult result = e2e.run("oca-run/bad-files");

    assertEquals(Outcome.PROMOTED, RunEndToEndTest.outcome(result, INITIAL).outcome());
    for (String bad : List.of(XXE, LAUGHS, MALFORMED, TRUNCATED)) {
      FileOutcome outcome = RunEndToEndTest.outcome(result, bad);
      assertEquals(Outcome.FAILED, outcome.outcome(), bad);
      assertTrue(outcome.reason().startsWith(FailureTypes.BAD_EXTRACT_FILE + ": " + bad), outcome.reason());
    }
    assertEquals(List.of(INITIAL), List.copyOf(e2e.tables.ledger().keySet()));
    assertEquals(e2e.faultFreeDigest(INITIAL), e2e.tables.fingerprint());
  }

  @Test
  void aFileRedeliveredWithOtherBytesIsRefusedAndOverwritesNothing() throws Exception {
    e2e.run("oca-run/first");
    Map<String, String> before = e2e.tables.fingerprint();
    byte[] archived = archived(INITIAL);
    Path original = Files.copy(e2e.inbox.resolve(INITIAL), root.resolve("original.zip"));
    Extracts.write(e2e.inbox, INITIAL, "2024-03-01", Extracts.live("A", "Another Court"), Extracts.deleted("B"));

    RunResult again = e2e.run("oca-run/redelivered");

    FileOutcome refused = RunEndToEndTest.outcome(again, INITIAL);
    assertEquals(Outcome.FAILED, refused.outcome());
    assertTrue(refused.reason().startsWith(FailureTypes.LEDGER_CONFLICT + ": "), refused.reason());
    assertEquals(before, e2e.tables.fingerprint(), "the database is unchanged, ledger included");
    assertArrayEquals(archived, archived(INITIAL), "the raw archive keeps the first delivery");
    assertArrayEquals(Files.readAllBytes(original), archived);
  }

  private byte[] archived(String fileName) throws Exception {
    try (InputStream in = e2e.store.get(StoreKeys.raw(fileName))) {
      return in.readAllBytes();
    }
  }
}
