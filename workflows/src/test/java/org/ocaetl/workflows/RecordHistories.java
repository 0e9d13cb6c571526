package org.ocaetl.workflows;

import static org.ocaetl.workflows.FakeStaging.file;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowTargetOptions;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ocaetl.testing.Await;
import org.ocaetl.workflows.model.BackfillRequest;
import org.ocaetl.workflows.model.BackfillState;
import org.ocaetl.workflows.model.FileRequest;
import org.ocaetl.workflows.model.RunRequest;

/**
 * Records the histories that {@link HistoryReplayTest} replays. Not a test: it runs only when
 * asked, see src/test/resources/histories/README.md.
 */
@EnabledIfSystemProperty(named = "oca.recordHistories", matches = "true")
class RecordHistories {
  static final Path OUT = RecordedHistory.FOLDER;

  @RegisterExtension final TestServerExtension temporal = new TestServerExtension("oca-host/recorder");
  final FakeStaging fake = temporal.fake;
  final FakeMaintenance maintenance = temporal.maintenance;

  @Test
  void record() throws IOException {
    String reused = "LandlordTenant.Incr.2024-03-01.zip";
    String lost = "LandlordTenant.Incr.2024-02-23.zip";
    temporal.fileWorkflow(reused).stage(new FileRequest(reused, FakeStaging.sha(reused)));
    fake.lostHosts.add("oca-host/vanished");
    temporal.fileWorkflow(lost).stage(new FileRequest(lost, FakeStaging.sha(lost)));

    fake.inbox =
        List.of(
            file(reused, "2024-03-01"),
            file("LandlordTenant.Incr.2024-03-08.zip", "2024-03-08"),
            file("LandlordTenant.Incr.2024-03-10.bad.zip", "2024-03-10"),
            file("LandlordTenant.Incr.2024-03-15.failedcase.zip", "2024-03-15"));
    temporal.runWorkflow("oca-run/recorded").run(RunRequest.of(null, 2));

    fake.inbox =
        List.of(file("LandlordTenant.Incr.2024-04-01.zip", "2024-04-01"), file("LandlordTenant.Incr.2024-04-08.zip", "2024-04-08"));
    OcaRunWorkflow segmented = temporal.runWorkflow("oca-run/segmented");
    segmented.run(new RunRequest(null, 1, 1, null, null));
    String firstSegment =
        temporal.client().fetchHistory("oca-run/segmented").getEvents().get(0).getWorkflowExecutionStartedEventAttributes().getFirstExecutionRunId();

    write("run.json", temporal.client().fetchHistory("oca-run/recorded").toJson(true));
    write("run-segment.json", temporal.client().fetchHistory("oca-run/segmented", firstSegment).toJson(true));
    write("file.json", temporal.client().fetchHistory(WorkflowIds.file("LandlordTenant.Incr.2024-03-08.zip")).toJson(true));
    write("file-bad.json", temporal.client().fetchHistory(WorkflowIds.file("LandlordTenant.Incr.2024-03-10.bad.zip")).toJson(true));
    write("file-host-lost.json", temporal.client().fetchHistory(WorkflowIds.file(lost)).toJson(true));
  }

  /**
   * backfill.json: one run of the backfill workflow over a purge (then publish), a replay (an
   * OcaRun child), a republish, a geocode child and a failed purge, ending in continue-as-new.
   * Written on its own so the run and file histories above are not re-recorded.
   */
  @Test
  void recordBackfill() throws Exception {
    fake.inbox = List.of(file("LandlordTenant.Incr.2024-05-03.zip", "2024-05-03"));
    maintenance.purgeGate = new java.util.concurrent.CountDownLatch(1);
    BackfillState fivePerRun = new BackfillState(List.of(), List.of(), 0, 5);
    String runId =
        BackfillClient.request(temporal.client(), TestServerExtension.TASK_QUEUE, fivePerRun, BackfillRequest.purgeTombstones()).getRunId();
    BackfillClient.request(temporal.client(), TestServerExtension.TASK_QUEUE, fivePerRun, BackfillRequest.replay("*2024-05*", 1));
    BackfillClient.request(temporal.client(), TestServerExtension.TASK_QUEUE, fivePerRun, BackfillRequest.republish());
    BackfillClient.request(temporal.client(), TestServerExtension.TASK_QUEUE, fivePerRun, BackfillRequest.geocode());
    maintenance.purgeGate.countDown();
    Await.until(Duration.ofSeconds(30), "four requests handled", () -> BackfillClient.progress(temporal.client()).handled() >= 4);
    maintenance.purgeFailure = "recorded failure";
    BackfillClient.request(temporal.client(), TestServerExtension.TASK_QUEUE, fivePerRun, BackfillRequest.purgeTombstones());
    // The fifth request ends the run with continue-as-new; wait for that run to close.
    Await.until(Duration.ofSeconds(30), "the first backfill run to close", () ->
        temporal.client().newUntypedWorkflowStub(WorkflowTargetOptions.newBuilder().setWorkflowId(WorkflowIds.BACKFILL).setRunId(runId).build())
            .describe().getStatus() != io.temporal.api.enums.v1.WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
    write("backfill.json", temporal.client().fetchHistory(WorkflowIds.BACKFILL, runId).toJson(true));
  }

  /**
   * run-v1-replay-flag-heartbeat.json: a run with the current code (version 1 of every {@link
   * WorkflowChanges} id) that replays a file promoted by an earlier run: it reuses the staged
   * output, promotes it again with its replay flag and a heartbeat timeout, and publishes. Written
   * on its own so the histories recorded before those changes stay as they are.
   */
  @Test
  void recordVersionOne() throws IOException {
    String replayed = "LandlordTenant.Incr.2024-06-07.zip";
    fake.inbox = List.of(file(replayed, "2024-06-07"));
    temporal.runWorkflow("oca-run/first").run(RunRequest.of(null, 1));

    fake.inbox = List.of(FakeStaging.replayed(replayed, "2024-06-07"));
    temporal.runWorkflow("oca-run/replayed").run(RunRequest.of("*2024-06-07*", 1));

    write(HistoryReplayTest.RUN_V1, temporal.client().fetchHistory("oca-run/replayed").toJson(true));
  }

  /**
   * run-notification.json: a run with the current code over a clean file and one with a failed
   * case, ending in the run notification ({@link WorkflowChanges#RUN_NOTIFICATION}). Written on
   * its own so the histories recorded before that change stay as they are.
   */
  @Test
  void recordNotification() throws IOException {
    fake.inbox =
        List.of(file("LandlordTenant.Incr.2024-07-05.zip", "2024-07-05"), file("LandlordTenant.Incr.2024-07-12.failedcase.zip", "2024-07-12"));
    temporal.runWorkflow("oca-run/notified").run(RunRequest.of(null, 2));
    write(HistoryReplayTest.RUN_NOTIFIED, temporal.client().fetchHistory("oca-run/notified").toJson(true));
  }

  /**
   * run-v1-staging-claim.json: a run started while another run stages the same two files; it
   * waits on each file's workflow (the other run's claim) and reuses what that staged.
   */
  @Test
  void recordStagingClaim() throws Exception {
    fake.inbox = List.of(file("LandlordTenant.Incr.2024-07-05.zip", "2024-07-05"), file("LandlordTenant.Incr.2024-07-12.zip", "2024-07-12"));
    fake.parseGate = new java.util.concurrent.CountDownLatch(1);
    WorkflowClient.start(temporal.runWorkflow("oca-run/scheduled")::run, RunRequest.of(null, 2));
    Await.until(Duration.ofSeconds(30), "both files parsing", () -> fake.parsing.get() == 2);
    WorkflowClient.start(temporal.runWorkflow("oca-run/manual")::run, RunRequest.of(null, 2));
    Await.until(Duration.ofSeconds(30), "the manual run waiting on both claims", () -> fake.awaits.size() == 2);
    fake.parseGate.countDown();
    temporal.client().newUntypedWorkflowStub("oca-run/scheduled").getResult(org.ocaetl.workflows.model.RunResult.class);
    temporal.client().newUntypedWorkflowStub("oca-run/manual").getResult(org.ocaetl.workflows.model.RunResult.class);

    write(HistoryReplayTest.RUN_STAGING_CLAIM, temporal.client().fetchHistory("oca-run/manual").toJson(true));
  }

  /**
   * run-v1-step-heartbeats.json and file-v1-heartbeat.json: a run over one file with the current
   * code, whose file workflow schedules export, geocode and upload with a heartbeat timeout and
   * whose publish has one too.
   */
  @Test
  void recordStepHeartbeats() throws IOException {
    String fileName = "LandlordTenant.Incr.2024-08-02.zip";
    fake.inbox = List.of(file(fileName, "2024-08-02"));
    temporal.runWorkflow("oca-run/heartbeats").run(RunRequest.of(null, 1));

    write(HistoryReplayTest.RUN_STEP_HEARTBEATS, temporal.client().fetchHistory("oca-run/heartbeats").toJson(true));
    write(HistoryReplayTest.FILE_V1, temporal.client().fetchHistory(WorkflowIds.file(fileName)).toJson(true));
  }

  /**
   * file-v1-host-lost-on-timeout.json: a file workflow with {@link
   * WorkflowChanges#HOST_LOST_ON_TIMEOUT}: its first host vanished (ScheduleToStart), it started
   * over, and on the second host its geocode failed once and was retried there after a timer.
   */
  @Test
  void recordHostLostOnTimeout() throws IOException {
    String fileName = "LandlordTenant.Incr.2024-09-06.zip";
    fake.lostHosts.add("oca-host/vanished");
    fake.failHostStep(FileActivities.GEOCODE, ApplicationFailure.newFailure("recorded failure", "IOException"));
    temporal.fileWorkflow(fileName).stage(new FileRequest(fileName, FakeStaging.sha(fileName)));
    write(HistoryReplayTest.FILE_HOST_LOST_ON_TIMEOUT, temporal.client().fetchHistory(WorkflowIds.file(fileName)).toJson(true));
  }

  private static void write(String name, String json) throws IOException {
    Files.createDirectories(OUT);
    Files.writeString(OUT.resolve(name), json);
  }
}
