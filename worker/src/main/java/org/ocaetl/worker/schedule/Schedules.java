package org.ocaetl.worker.schedule;

import io.temporal.client.schedules.Schedule;
import io.temporal.client.schedules.ScheduleDescription;
import java.util.Optional;

/**
 * The few schedule operations oca needs: a thin port over Temporal's {@code ScheduleClient}, whose
 * real implementation is {@link TemporalSchedules}. Temporal's in-process test server has no
 * Schedules, so the tests drive this port against a recording fake of the frontend's gRPC
 * schedule calls; only a real cluster runs them for real.
 */
public interface Schedules {
  /** Creates the schedule; false when one with this id exists already. */
  boolean create(String id, Schedule schedule);

  /** Replaces spec, action and policy, keeping the state (paused or not, and its note). */
  void update(String id, Schedule schedule);

  Optional<ScheduleDescription> describe(String id);

  void pause(String id, String note);

  void unpause(String id, String note);

  /** Starts one action now, with the schedule's overlap policy (SKIP: not while a run goes on). */
  void trigger(String id);

  /** Creates the schedule or brings it in line with {@code schedule}: idempotent. */
  default Applied apply(String id, Schedule schedule) {
    if (create(id, schedule)) {
      return Applied.CREATED;
    }
    update(id, schedule);
    return Applied.UPDATED;
  }

  enum Applied {
    CREATED,
    UPDATED
  }
}
