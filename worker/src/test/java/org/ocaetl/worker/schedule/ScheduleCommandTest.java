package org.ocaetl.worker.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.enums.v1.ScheduleOverlapPolicy;
import io.temporal.api.schedule.v1.Schedule;
import io.temporal.api.workflowservice.v1.CreateScheduleRequest;
import io.temporal.api.workflowservice.v1.PatchScheduleRequest;
import io.temporal.api.workflowservice.v1.UpdateScheduleRequest;
import io.temporal.common.converter.DefaultDataConverter;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ocaetl.worker.testing.Cli;
import org.ocaetl.worker.testing.FakeFrontend;
import org.ocaetl.workflows.model.RunRequest;

/**
 * {@code oca schedule …} through Temporal's real ScheduleClient and gRPC, against the recording
 * {@link FakeFrontend}: Temporal's test server has no Schedules (CreateSchedule is UNIMPLEMENTED),
 * so these tests check the requests the cluster would receive, not a schedule firing.
 */
class ScheduleCommandTest {
  FakeFrontend frontend;

  @BeforeEach
  void startFrontend() throws Exception {
    frontend = FakeFrontend.plain();
  }

  @AfterEach
  void stopFrontend() {
    frontend.close();
  }

  Cli oca(String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--temporal-address";
    all[args.length + 1] = frontend.address();
    return Cli.run(all);
  }

  @Test
  void applyCreatesTheWeeklyScheduleWithTheDefaults() {
    Cli applied = oca("schedule", "apply");
    assertEquals(0, applied.exitCode(), applied.toString());
    assertTrue(applied.out().startsWith("Created oca-weekly: '0 12 * * SAT' America/New_York"), applied.out());

    CreateScheduleRequest create = frontend.requests(CreateScheduleRequest.class).get(0);
    assertEquals("default", create.getNamespace());
    assertEquals(ScheduleSettings.DEFAULT_ID, create.getScheduleId());
    Schedule schedule = create.getSchedule();
    assertEquals(List.of("0 12 * * SAT"), schedule.getSpec().getCronStringList());
    assertEquals("America/New_York", schedule.getSpec().getTimezoneName());
    assertEquals(ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_SKIP, schedule.getPolicies().getOverlapPolicy());
    assertEquals(86_400, schedule.getPolicies().getCatchupWindow().getSeconds());
    assertTrue(schedule.getPolicies().getPauseOnFailure());
    assertEquals("OcaRun", schedule.getAction().getStartWorkflow().getWorkflowType().getName());
    assertEquals("oca-etl", schedule.getAction().getStartWorkflow().getTaskQueue().getName());
    assertEquals("oca-run/scheduled", schedule.getAction().getStartWorkflow().getWorkflowId());
    assertEquals(RunRequest.of(null, 2), runRequest(schedule));
  }

  @Test
  void everyFlagReachesTheRequest() {
    Cli applied =
        oca("schedule", "apply", "--schedule-id", "oca-nightly", "--cron", "30 2 * * *", "--time-zone", "UTC",
            "--parallel", "4", "--namespace", "oca-prod", "--task-queue", "oca-etl-prod");
    assertEquals(0, applied.exitCode(), applied.toString());
    CreateScheduleRequest create = frontend.requests(CreateScheduleRequest.class).get(0);
    assertEquals("oca-prod", create.getNamespace());
    assertEquals("oca-nightly", create.getScheduleId());
    assertEquals(List.of("30 2 * * *"), create.getSchedule().getSpec().getCronStringList());
    assertEquals("UTC", create.getSchedule().getSpec().getTimezoneName());
    assertEquals("oca-etl-prod", create.getSchedule().getAction().getStartWorkflow().getTaskQueue().getName());
    assertEquals(4, runRequest(create.getSchedule()).parallelism());
  }

  @Test
  void applyIsIdempotentAndKeepsAnOperatorsPause() throws Exception {
    assertEquals(0, oca("schedule", "apply").exitCode());
    Cli paused = oca("schedule", "pause", "--note", "bad file in the inbox");
    assertEquals(0, paused.exitCode(), paused.toString());
    PatchScheduleRequest pause = frontend.requests(PatchScheduleRequest.class).get(0);
    assertEquals("bad file in the inbox", pause.getPatch().getPause());

    Cli again = oca("schedule", "apply", "--cron", "0 13 * * SAT");
    assertEquals(0, again.exitCode(), again.toString());
    assertTrue(again.out().startsWith("Updated oca-weekly"), again.out());
    assertEquals(2, frontend.requests(CreateScheduleRequest.class).size(), "create tried first, found it existing");
    UpdateScheduleRequest update = frontend.requests(UpdateScheduleRequest.class).get(0);
    assertEquals(List.of("0 13 * * SAT"), update.getSchedule().getSpec().getCronStringList());
    assertTrue(update.getSchedule().getState().getPaused(), "apply does not unpause");
    assertEquals("bad file in the inbox", update.getSchedule().getState().getNotes());

    Cli shown = oca("schedule", "show");
    assertEquals(0, shown.exitCode(), shown.toString());
    JsonNode view = new ObjectMapper().readTree(shown.out());
    assertEquals("0 13 * * SAT", view.get("cron").get(0).asText());
    assertEquals("America/New_York", view.get("timeZone").asText());
    assertTrue(view.get("paused").asBoolean());
    assertEquals("OcaRun", view.get("workflowType").asText());
    assertEquals("SCHEDULE_OVERLAP_POLICY_SKIP", view.get("overlap").asText());
    assertEquals("PT24H", view.get("catchupWindow").asText());
    assertTrue(view.get("pauseOnFailure").asBoolean());

    assertEquals(0, oca("schedule", "unpause").exitCode());
    assertEquals(0, oca("schedule", "trigger").exitCode());
    List<PatchScheduleRequest> patches = frontend.requests(PatchScheduleRequest.class);
    assertEquals("unpaused with oca schedule unpause", patches.get(1).getPatch().getUnpause());
    assertEquals(
        ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_SKIP, patches.get(2).getPatch().getTriggerImmediately().getOverlapPolicy());
  }

  @Test
  void aMissingScheduleIsReportedWithExitCodeFour() {
    for (String sub : new String[] {"show", "pause", "unpause", "trigger"}) {
      Cli missing = oca("schedule", sub, "--schedule-id", "nope");
      assertEquals(ScheduleCommand.EXIT_NOT_FOUND, missing.exitCode(), sub + ": " + missing);
      assertTrue(missing.err().contains("No schedule nope"), missing.err());
    }
    assertTrue(frontend.requests(PatchScheduleRequest.class).isEmpty());
  }

  @Test
  void aBadCronOrTimeZoneIsAUsageErrorAndSendsNothing() {
    assertEquals(2, oca("schedule", "apply", "--cron", "every saturday").exitCode());
    assertEquals(2, oca("schedule", "apply", "--time-zone", "Mars/Olympus").exitCode());
    assertEquals(2, oca("schedule", "apply", "--parallel", "0").exitCode());
    assertTrue(frontend.requests.isEmpty());
  }

  private static RunRequest runRequest(Schedule schedule) {
    Payload input = schedule.getAction().getStartWorkflow().getInput().getPayloads(0);
    return DefaultDataConverter.STANDARD_INSTANCE.fromPayload(input, RunRequest.class, RunRequest.class);
  }
}
