package org.ocaetl.worker.schedule;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.ScheduleOverlapPolicy;
import io.temporal.client.schedules.Schedule;
import io.temporal.client.schedules.ScheduleAlreadyRunningException;
import io.temporal.client.schedules.ScheduleClient;
import io.temporal.client.schedules.ScheduleDescription;
import io.temporal.client.schedules.ScheduleException;
import io.temporal.client.schedules.ScheduleOptions;
import io.temporal.client.schedules.ScheduleUpdate;
import java.util.Optional;

/** {@link Schedules} over Temporal's {@link ScheduleClient}. */
public final class TemporalSchedules implements Schedules {
  private final ScheduleClient client;

  public TemporalSchedules(ScheduleClient client) {
    this.client = client;
  }

  @Override
  public boolean create(String id, Schedule schedule) {
    try {
      client.createSchedule(id, schedule, ScheduleOptions.newBuilder().build());
      return true;
    } catch (ScheduleAlreadyRunningException e) {
      return false;
    }
  }

  @Override
  public void update(String id, Schedule schedule) {
    client
        .getHandle(id)
        .update(
            input ->
                new ScheduleUpdate(
                    Schedule.newBuilder(schedule).setState(input.getDescription().getSchedule().getState()).build()));
  }

  @Override
  public Optional<ScheduleDescription> describe(String id) {
    try {
      return Optional.of(client.getHandle(id).describe());
    } catch (ScheduleException e) {
      if (e.getCause() instanceof StatusRuntimeException status && status.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public void pause(String id, String note) {
    client.getHandle(id).pause(note);
  }

  @Override
  public void unpause(String id, String note) {
    client.getHandle(id).unpause(note);
  }

  @Override
  public void trigger(String id) {
    client.getHandle(id).trigger(ScheduleOverlapPolicy.SCHEDULE_OVERLAP_POLICY_SKIP);
  }
}
