package org.ocaetl.worker.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.model.OcaTable;
import org.ocaetl.store.StoreKeys;
import org.ocaetl.testing.PostgresDatabaseExtension;
import org.ocaetl.worker.testing.EndToEnd;
import org.ocaetl.worker.testing.Extracts;
import org.ocaetl.workflows.model.FileOutcome;
import org.ocaetl.workflows.model.FileOutcome.Outcome;
import org.ocaetl.workflows.model.RunResult;

/** The promotion activity failing at the worst moments: exactly once still holds (docs/processing-rules.md#rule-2). */
class PromotionFaultsTest {
  static final String INITIAL = "LandlordTenant.Initial.FiledIn2024.2024-03-01.zip";
  static final String INCR = "LandlordTenant.Incr.2024-03-08.zip";

  @RegisterExtension
  static final PostgresDatabaseExtension postgres = new PostgresDatabaseExtension();

  @TempDir Path root;
  EndToEnd e2e;

  @BeforeEach
  void start() throws Exception {
    e2e = new EndToEnd(postgres.database(), root.resolve("faulty"));
    Extracts.write(e2e.inbox, INITIAL, "2024-03-01", Extracts.live("A", "Bronx Housing Court"), Extracts.live("B", "Kings Housing Court"));
    Extracts.write(e2e.inbox, INCR, "2024-03-08", Extracts.live("A", "Bronx Housing Court Part 2"), Extracts.deleted("B"));
  }

  @AfterEach
  void stop() {
    e2e.close();
  }

  @Test
  void aRetryAfterTheCommitAppliesNothingTwice() throws Exception {
    e2e.promotion.failAfterCommitOnce = true;

    RunResult result = e2e.run("oca-run/commit-then-crash");

    assertEquals(2, e2e.promotion.attempts.get());
    assertEquals(List.of(Outcome.PROMOTED, Outcome.PROMOTED), result.files().stream().map(FileOutcome::outcome).toList(),
        "files committed by the run's own first attempt count as promoted by the run");
    assertEquals(2, e2e.tables.ledger().size());
    assertEquals(cleanRun(), e2e.tables.fingerprint());
  }

  @Test
  void aFailureInTheMiddleRollsBackAndTheRetryApplies() throws Exception {
    List<Map<String, String>> afterFailure = new ArrayList<>();
    List<Integer> ledgerAfterFailure = new ArrayList<>();
    Map<String, String> empty = e2e.tables.fingerprint();
    e2e.promotion.afterFailedAttempt = () -> {
      try {
        afterFailure.add(e2e.tables.fingerprint());
        ledgerAfterFailure.add(e2e.tables.ledger().size());
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    };
    // The second file's staged rows cannot be read: the first file is applied by then, inside the
    // same transaction.
    e2e.store.failNextReadOf(StoreKeys.stagedCsv(INCR, OcaTable.OCA_INDEX));

    RunResult result = e2e.run("oca-run/fail-midway");

    assertEquals(2, e2e.promotion.attempts.get());
    assertEquals(List.of(empty), afterFailure, "the failed attempt left the tables unchanged");
    assertEquals(List.of(0), ledgerAfterFailure);
    assertTrue(result.files().stream().allMatch(f -> f.outcome() == Outcome.PROMOTED), result.toString());
    assertEquals(cleanRun(), e2e.tables.fingerprint());
  }

  /** The tables after the same files were promoted without any fault. */
  private Map<String, String> cleanRun() throws Exception {
    return e2e.faultFreeDigest(INITIAL, INCR);
  }
}
