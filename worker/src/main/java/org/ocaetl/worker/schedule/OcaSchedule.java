package org.ocaetl.worker.schedule;

import io.temporal.api.enums.v1.ScheduleOverlapPolicy;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.schedules.Schedule;
import io.temporal.client.schedules.ScheduleActionStartWorkflow;
import io.temporal.client.schedules.SchedulePolicy;
import io.temporal.client.schedules.ScheduleSpec;
import java.util.List;
import org.ocaetl.workflows.OcaRunWorkflow;

/**
 * The Temporal Schedule of weekly runs: start {@link OcaRunWorkflow} on the cron in the time
 * zone; skip a run while the previous one is still going (overlap SKIP); after an outage, start a
 * missed run only within the catch-up window; pause the schedule when a run fails for good, so an
 * operator looks before the next one.
 */
public final class OcaSchedule {
  private OcaSchedule() {}

  public static Schedule of(ScheduleSettings settings) {
    return Schedule.newBuilder()
        .setSpec(
            ScheduleSpec.newBuilder()
                .setCronExpressions(List.of(settings.cron()))
                .setTimeZoneName(settings.timeZone())
                .build())
        .setAction(
            ScheduleActionStartWorkflow.newBuilder()
                .setWorkflowType(OcaRunWorkflow.class)
                .setArguments(settings.runRequest())
                .setOptions(
                    WorkflowOptions.newBuilder()
                        .setWorkflowId(ScheduleSettings.RUN_ID_PREFIX)
                        .setTaskQueue(settings.taskQueue())
                        .build())
                .build())
        .setPolicy(
            SchedulePolicy.newBuilder()
                .setOverlap(ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_SKIP)
                .setCatchupWindow(ScheduleSettings.CATCHUP_WINDOW)
                .setPauseOnFailure(true)
                .build())
        .build();
  }
}
