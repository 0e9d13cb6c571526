package org.ocaetl.worker.schedule;

import java.time.Duration;
import java.time.ZoneId;
import java.util.regex.Pattern;
import org.ocaetl.workflows.model.RunRequest;

/**
 * The weekly schedule of runs. The defaults here are the one source of truth for "when does it
 * run" (one source of truth: a CronJob and its docs once disagreed on the day): the CLI defaults, the README and the Kubernetes Job all use them.
 *
 * @param scheduleId id of the Temporal Schedule
 * @param cron five-field cron (or an {@code @weekly}-style macro), evaluated in {@code timeZone}
 * @param timeZone IANA zone name, so the run stays at noon local time across daylight saving
 * @param taskQueue task queue of the started runs
 * @param parallelism files a scheduled run stages at once
 */
public record ScheduleSettings(String scheduleId, String cron, String timeZone, String taskQueue, int parallelism) {
  public static final String DEFAULT_ID = "oca-weekly";
  /** Saturday 12:00. */
  public static final String DEFAULT_CRON = "0 12 * * SAT";
  public static final String DEFAULT_TIME_ZONE = "America/New_York";
  /** A run missed by more than this (cluster down) is skipped, not started late. */
  public static final Duration CATCHUP_WINDOW = Duration.ofDays(1);
  /** Prefix of the started runs' workflow ids; the server appends the scheduled time. */
  public static final String RUN_ID_PREFIX = org.ocaetl.workflows.WorkflowIds.SCHEDULED_RUN;

  private static final Pattern CRON =
      Pattern.compile("@[a-z]+|[0-9A-Za-z*?,/#L-]+(\\s+[0-9A-Za-z*?,/#L-]+){4,6}");

  public ScheduleSettings {
    if (scheduleId == null || scheduleId.isBlank()) {
      throw new IllegalArgumentException("the schedule id must not be empty");
    }
    if (cron == null || !CRON.matcher(cron.strip()).matches()) {
      throw new IllegalArgumentException("not a cron expression (five fields, e.g. '" + DEFAULT_CRON + "'): " + cron);
    }
    cron = cron.strip();
    try {
      ZoneId.of(timeZone);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("unknown time zone '" + timeZone + "' (use an IANA name such as "
          + DEFAULT_TIME_ZONE + ")");
    }
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
    }
  }

  /** What each scheduled run is started with. */
  public RunRequest runRequest() {
    return RunRequest.of(null, parallelism);
  }
}
