package org.ocaetl.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ocaetl.activities.NotificationActivitiesImpl;
import org.ocaetl.metrics.PipelineMetrics;
import org.ocaetl.testing.LogCapture;
import org.ocaetl.testing.WebhookServer;
import org.ocaetl.workflows.model.CaseFailure;
import org.ocaetl.workflows.model.ExtractDrift;
import org.ocaetl.workflows.model.FileOutcome;
import org.ocaetl.workflows.model.NoticeDelivery;
import org.ocaetl.workflows.model.RunNotice;
import org.ocaetl.workflows.model.RunResult;

/** The run notification against a local incoming webhook: what it says, when it is sent, retries. */
class RunNotificationTest {
  static final String ADDRESS = "1234 GRAND CONCOURSE";
  static final String CLEAN_FILE = "LandlordTenant.Incr.2024-03-08.zip";
  static final String BAD_FILE = "LandlordTenant.Incr.2024-03-10.zip";

  @RegisterExtension final WebhookServer webhook = new WebhookServer();

  final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  final List<Duration> slept = Collections.synchronizedList(new ArrayList<>());

  NotificationActivitiesImpl notifier(String mode) {
    return new NotificationActivitiesImpl(
        NotificationSettings.of(mode, webhook.url().toString()),
        new WebhookSender(java.net.http.HttpClient.newHttpClient(), slept::add),
        new PipelineMetrics(registry));
  }

  static RunResult result(List<FileOutcome> files, long casesFailed, List<CaseFailure> cases, boolean published, String publishError) {
    int promoted = (int) files.stream().filter(f -> f.outcome() == FileOutcome.Outcome.PROMOTED).count();
    int failed = (int) files.stream().filter(f -> f.outcome() == FileOutcome.Outcome.FAILED).count();
    return new RunResult(files, List.of(), promoted, 0, failed, 0, 10, 0, casesFailed, published, publishError,
        promoted > 0 ? LocalDate.parse("2024-03-08") : null, cases);
  }

  static FileOutcome promoted(String name, long casesFailed) {
    return new FileOutcome(name, FileOutcome.Outcome.PROMOTED, null, casesFailed, List.of(), ExtractDrift.NONE);
  }

  static RunNotice notice(RunResult result) {
    return new RunNotice("default", "oca-run/scheduled-2026-12-05T17:00:00Z", "run-1", null, false, result);
  }

  static final RunNotice CLEAN = notice(result(List.of(promoted(CLEAN_FILE, 0)), 0, List.of(), true, null));

  JsonNode onlyBody() throws Exception {
    assertEquals(1, webhook.bodies().size(), webhook.bodies().toString());
    String body = webhook.bodies().get(0);
    assertFalse(body.contains(WebhookServer.SECRET_PATH.substring(WebhookServer.SECRET_PATH.lastIndexOf('/') + 1)), body);
    assertFalse(body.contains(ADDRESS), body);
    return new ObjectMapper().readTree(body);
  }

  @Test
  void aCleanRunIsSentOnlyWhenEveryRunIsAskedFor() throws Exception {
    assertEquals(NoticeDelivery.NOT_SENT, notifier("failures").notifyRun(CLEAN));
    assertTrue(webhook.bodies().isEmpty());

    assertEquals(NoticeDelivery.Status.DELIVERED, notifier("always").notifyRun(CLEAN).status());
    JsonNode body = onlyBody();
    String text = body.get("text").asText();
    assertTrue(text.startsWith("OCA run OK\n"), text);
    assertTrue(text.contains("Workflow: oca-run/scheduled-2026-12-05T17:00:00Z (run run-1)"), text);
    assertTrue(text.contains("/namespaces/default/workflows/oca-run%2Fscheduled-2026-12-05T17%3A00%3A00Z/run-1/history"), text);
    assertTrue(text.contains("Data date: 2024-03-08"), text);
    assertTrue(text.contains("Files: 1 promoted, 0 already promoted, 0 failed, 0 skipped"), text);
    assertTrue(text.contains("Publish: public snapshot refreshed"), text);
    assertTrue(text.contains("Schedule: not paused by this run"), text);
    assertEquals("header", body.get("blocks").get(0).get("type").asText());
    assertEquals("OCA run OK", body.get("blocks").get(0).get("text").get("text").asText());
    assertTrue(body.get("blocks").get(1).get("text").get("text").asText().contains("Data date: 2024-03-08"));
  }

  @Test
  void aFailedFileIsNamedWithItsTypedReason() throws Exception {
    RunNotice notice = notice(result(
        List.of(promoted(CLEAN_FILE, 0), FileOutcome.failed(BAD_FILE, "BadExtractFile: " + BAD_FILE + ": line 3, column 9: unexpected end")),
        0, List.of(), true, null));
    notifier("failures").notifyRun(notice);
    String text = onlyBody().get("text").asText();
    assertTrue(text.startsWith("OCA run PARTIAL: 1 file(s) failed\n"), text);
    assertTrue(text.contains("failed file " + BAD_FILE + ": BadExtractFile: " + BAD_FILE + ": line 3, column 9"), text);
    assertTrue(text.contains("Files: 1 promoted, 0 already promoted, 1 failed, 0 skipped"), text);
  }

  @Test
  void markupInAReasonIsEscapedInTheFallbackAndPlainInTheBlocks() throws Exception {
    String reason = "BadExtractFile: <!channel> & <https://example.org|click>";
    notifier("failures").notifyRun(notice(result(
        List.of(FileOutcome.failed(BAD_FILE, reason)), 0, List.of(), true, null)));
    JsonNode body = onlyBody();
    String text = body.get("text").asText();
    assertTrue(text.contains("BadExtractFile: &lt;!channel&gt; &amp; &lt;https://example.org|click&gt;"), text);
    assertFalse(text.contains("<"), text);
    assertTrue(body.get("blocks").get(1).get("text").get("text").asText().contains(reason), "plain_text shows it as is");
  }

  @Test
  void failedCasesAreCountedAndNamedWithoutTheirValues() throws Exception {
    // Even a failure that carried an address value (the run drops them) is sent without it.
    List<CaseFailure> cases = List.of(
        new CaseFailure("LT-000123-24/BX", "Addresses/Address/Street1", ADDRESS, "longer than 100 characters"),
        new CaseFailure(null, "FiledDate", "2024-02-30", "not a date"));
    notifier("failures").notifyRun(notice(result(List.of(promoted(CLEAN_FILE, 3)), 3, cases, true, null)));
    String text = onlyBody().get("text").asText();
    assertTrue(text.startsWith("OCA run PARTIAL: 3 case(s) failed\n"), text);
    assertTrue(text.contains("Cases failed: 3"), text);
    assertTrue(text.contains("case LT-000123-24/BX, Addresses/Address/Street1: longer than 100 characters"), text);
    assertTrue(text.contains("case (no id), FiledDate: not a date"), text);
    assertFalse(text.contains("2024-02-30"), "no value of any element: " + text);
    assertTrue(text.contains("report.json"), text);
  }

  @Test
  void aFailedPublishSaysThePromotionStands() throws Exception {
    notifier("failures").notifyRun(notice(result(List.of(promoted(CLEAN_FILE, 0)), 0, List.of(), false, "Timeout: START_TO_CLOSE")));
    String text = onlyBody().get("text").asText();
    assertTrue(text.startsWith("OCA run PARTIAL: publishing failed\n"), text);
    assertTrue(text.contains("Publish: FAILED: Timeout: START_TO_CLOSE (the promotion stands"), text);
  }

  @Test
  void aFailedScheduledRunSaysTheScheduleIsPaused() throws Exception {
    RunNotice failed = new RunNotice("default", "oca-run/scheduled-2026-12-05T17:00:00Z", "run-1",
        "LedgerConflict: the ledger holds it with another checksum", true, RunResult.EMPTY);
    notifier("failures").notifyRun(failed);
    String text = onlyBody().get("text").asText();
    assertTrue(text.startsWith("OCA run FAILED\n"), text);
    assertTrue(text.contains("Run failed: LedgerConflict: the ledger holds it with another checksum"), text);
    assertTrue(text.contains("Schedule: PAUSED by this failure; fix the cause, then `oca schedule unpause`"), text);
    assertTrue(text.contains("Publish: not reached"), text);
  }

  @Test
  void anExtractThatChangedIsReportedByPathAndCountEvenWhenTheRunIsOtherwiseClean() throws Exception {
    ExtractDrift drift = new ExtractDrift(
        List.of(new ExtractDrift.PathCount("Index/RentalAssistance/Amount", 12), new ExtractDrift.PathCount("Index/Court/@code", 3)),
        0, List.of("Index/Parties/Party/Undertenant"));
    FileOutcome drifted = new FileOutcome(CLEAN_FILE, FileOutcome.Outcome.PROMOTED, null, 0, List.of(), drift);
    notifier("failures").notifyRun(notice(result(List.of(drifted), 0, List.of(), true, null)));
    String text = onlyBody().get("text").asText();
    assertTrue(text.startsWith("OCA run OK: extract changed in 1 file(s)\n"), text);
    assertTrue(text.contains("Extract changed in " + CLEAN_FILE), text);
    assertTrue(text.contains("  unmapped Index/RentalAssistance/Amount (12)\n  unmapped Index/Court/@code (3)"), text);
    assertTrue(text.contains("  never present: Index/Parties/Party/Undertenant"), text);
  }

  @Test
  void retriesAfterTooManyRequestsAndServerErrors() {
    webhook.answer(429, "3");
    webhook.answer(503, null);
    NoticeDelivery delivery = notifier("always").notifyRun(CLEAN);
    assertEquals(new NoticeDelivery(NoticeDelivery.Status.DELIVERED, 3, null), delivery);
    assertEquals(3, webhook.bodies().size());
    assertTrue(slept.get(0).compareTo(Duration.ofSeconds(3)) >= 0, "honours Retry-After: " + slept);
    assertEquals(1, registry.get("oca.notification.sent").tag("result", "delivered").counter().count());
  }

  @Test
  void aWebhookThatIsDownIsReportedLoggedAndCountedWithoutItsUrl() {
    webhook.stop();
    NoticeDelivery delivery;
    try (LogCapture logs = LogCapture.start()) {
      delivery = notifier("failures").notifyRun(notice(result(List.of(), 1, List.of(), false, null)));
      assertEquals(1, logs.lines(), logs.text());
      assertTrue(logs.text().contains("run notification for oca-run/scheduled-2026-12-05T17:00:00Z not delivered after 4 attempt(s)"), logs.text());
      assertFalse(logs.text().contains("s3cr3t"), logs.text());
    }
    assertEquals(NoticeDelivery.Status.UNDELIVERED, delivery.status());
    assertFalse(delivery.problem().contains("s3cr3t"), delivery.problem());
    assertEquals(4, delivery.attempts());
    assertEquals(1, registry.get("oca.notification.sent").tag("result", "undelivered").counter().count());
  }

  @Test
  void aRemovedWebhookIsNotRetried() {
    webhook.answer(404, null);
    NoticeDelivery delivery = notifier("failures").notifyRun(notice(result(List.of(), 1, List.of(), false, null)));
    assertEquals(new NoticeDelivery(NoticeDelivery.Status.UNDELIVERED, 1, "webhook: HTTP 404"), delivery);
  }

  @Test
  void noWebhookNoNotification() {
    NotificationActivitiesImpl none =
        new NotificationActivitiesImpl(NotificationSettings.NONE, new WebhookSender(), new PipelineMetrics(registry));
    assertEquals(NoticeDelivery.NOT_SENT, none.notifyRun(notice(result(List.of(), 1, List.of(), false, null))));
  }
}
