package org.ocaetl.workflows;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.ocaetl.workflows.FakeStaging.file;

import io.temporal.client.WorkflowFailedException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ocaetl.workflows.model.CaseFailure;
import org.ocaetl.workflows.model.ExtractDrift;
import org.ocaetl.workflows.model.RunNotice;
import org.ocaetl.workflows.model.RunRequest;
import org.ocaetl.workflows.model.RunResult;

/** The notice the run hands the notification activity at its end, and that it never changes the run. */
class RunNotificationWorkflowTest {
  static final String FAILED_CASE = "LandlordTenant.Incr.2024-03-15.failedcase.zip";

  @RegisterExtension final TestServerExtension temporal = new TestServerExtension("oca-host/notify");
  final FakeStaging fake = temporal.fake;
  final FakeNotification notification = temporal.notification;

  @Test
  void aCleanRunSendsOneCleanNoticeWithItsIdsAndDataDate() {
    fake.inbox = List.of(file("LandlordTenant.Incr.2024-03-08.zip", "2024-03-08"), file("LandlordTenant.Incr.2024-03-01.zip", "2024-03-01"));
    RunResult result = temporal.runWorkflow("oca-run/notify-clean").run(RunRequest.of(null, 2));

    RunNotice notice = onlyNotice();
    assertTrue(notice.clean());
    assertNull(notice.failure());
    assertFalse(notice.schedulePaused());
    assertEquals("oca-run/notify-clean", notice.workflowId());
    assertEquals(temporal.runId("oca-run/notify-clean"), notice.runId());
    assertEquals(LocalDate.parse("2024-03-08"), notice.result().dataDate());
    assertEquals(result, notice.result());
  }

  @Test
  void failedCasesReachTheNoticeWithoutTheirValues() {
    fake.inbox = List.of(file(FAILED_CASE, "2024-03-15"));
    RunResult result = temporal.runWorkflow("oca-run/notify-cases").run(RunRequest.of(null, 1));

    RunNotice notice = onlyNotice();
    assertFalse(notice.clean());
    assertEquals(List.of(new CaseFailure("id-2", "FiledDate", null, "not a date")), notice.result().firstCaseFailures());
    assertEquals(result.firstCaseFailures(), notice.result().firstCaseFailures());
  }

  @Test
  void aFailedScheduledRunSaysTheSchedulePausesAndStillFails() {
    fake.inbox = List.of(file("LandlordTenant.Incr.2024-03-08.zip", "2024-03-08"));
    fake.promoteFailure = "ledger holds it with another checksum";

    assertThrows(
        WorkflowFailedException.class,
        () -> temporal.runWorkflow(WorkflowIds.SCHEDULED_RUN + "-2026-12-05T17:00:00Z").run(RunRequest.of(null, 1)));

    RunNotice notice = onlyNotice();
    assertTrue(notice.failure().startsWith("LedgerConflict: ledger holds it"), notice.failure());
    assertTrue(notice.schedulePaused());
    assertFalse(notice.clean());
  }

  @Test
  void aFailedManualRunDoesNotPauseTheSchedule() {
    fake.inbox = List.of(file("LandlordTenant.Incr.2024-03-08.zip", "2024-03-08"));
    fake.promoteFailure = "ledger holds it with another checksum";

    assertThrows(WorkflowFailedException.class, () -> temporal.runWorkflow("oca-run/manual").run(RunRequest.of(null, 1)));

    assertFalse(onlyNotice().schedulePaused());
  }

  @Test
  void aBrokenNotificationLeavesTheRunsResultAsItWas() {
    fake.inbox = List.of(file(FAILED_CASE, "2024-03-15"));
    RunResult delivered = temporal.runWorkflow("oca-run/notify-works").run(RunRequest.of(null, 1));
    notification.failure = "worker lost";
    fake.ledger.clear();

    RunResult undelivered = temporal.runWorkflow("oca-run/notify-broken").run(RunRequest.of(null, 1));

    assertEquals(2, notification.notices.size());
    assertEquals(delivered, undelivered);
  }

  @Test
  void onlyTheLastSegmentNotifiesWithEverySegmentsOutcomes() {
    fake.inbox = List.of(file(FAILED_CASE, "2024-03-15"), file("LandlordTenant.Incr.2024-03-22.zip", "2024-03-22"));
    temporal.runWorkflow("oca-run/notify-segments").run(new RunRequest(null, 1, 1, null, null));

    RunNotice notice = onlyNotice();
    assertEquals(2, notice.result().filesPromoted());
    assertEquals(1, notice.result().firstCaseFailures().size(), "carried over the continue-as-new");
    assertEquals(LocalDate.parse("2024-03-22"), notice.result().dataDate());
  }

  @Test
  void extractDriftReachesTheRunResultAndTheNotice() {
    String drifted = "LandlordTenant.Incr.2024-03-22.drifted.zip";
    fake.inbox = List.of(file(drifted, "2024-03-22"));
    RunResult result = temporal.runWorkflow("oca-run/notify-drift").run(RunRequest.of(null, 1));

    ExtractDrift expected = FakeStaging.drift(drifted);
    assertEquals(expected, result.files().get(0).drift());
    assertEquals(expected, onlyNotice().result().files().get(0).drift());
  }

  private RunNotice onlyNotice() {
    assertEquals(1, notification.notices.size(), notification.notices.toString());
    return notification.notices.get(0);
  }
}
