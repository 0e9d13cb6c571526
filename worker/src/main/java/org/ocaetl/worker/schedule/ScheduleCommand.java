package org.ocaetl.worker.schedule;

import io.temporal.client.schedules.ScheduleActionExecutionStartWorkflow;
import io.temporal.client.schedules.ScheduleActionStartWorkflow;
import io.temporal.client.schedules.ScheduleDescription;
import io.temporal.client.schedules.ScheduleSpec;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.ocaetl.worker.cli.CliJson;
import org.ocaetl.worker.cluster.TemporalConnection;
import org.ocaetl.worker.cluster.TemporalOptions;
import org.ocaetl.worker.options.ParallelOption;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code oca schedule apply|show|pause|unpause|trigger}: the Temporal Schedule of weekly runs. */
@Command(
    name = "schedule",
    mixinStandardHelpOptions = true,
    description = {
      "Manages the Temporal Schedule that starts a run every week.",
      "Defaults: Saturday 12:00 America/New_York; overlap SKIP; catch-up window 1 day; pauses when a"
          + " run fails."
    },
    subcommands = {
      ScheduleCommand.Apply.class,
      ScheduleCommand.Show.class,
      ScheduleCommand.Pause.class,
      ScheduleCommand.Unpause.class,
      ScheduleCommand.Trigger.class
    })
public final class ScheduleCommand implements Runnable {
  public static final int EXIT_NOT_FOUND = 4;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
  }

  /** What every schedule subcommand needs: the cluster and the schedule id. */
  abstract static class OnSchedule implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Mixin TemporalOptions temporal;

    @Option(
        names = "--schedule-id",
        defaultValue = "${env:OCA_SCHEDULE_ID:-" + ScheduleSettings.DEFAULT_ID + "}",
        paramLabel = "ID",
        description = "Id of the Temporal Schedule (env OCA_SCHEDULE_ID), default ${DEFAULT-VALUE}.")
    String scheduleId;

    @Override
    public Integer call() throws Exception {
      try (TemporalConnection connection = TemporalConnection.open(temporal.settings())) {
        return call(new TemporalSchedules(connection.schedules()), spec.commandLine().getOut());
      }
    }

    abstract int call(Schedules schedules, PrintWriter out) throws Exception;

    int notFound() {
      spec.commandLine().getErr().println("No schedule " + scheduleId + ": run `oca schedule apply` first.");
      return EXIT_NOT_FOUND;
    }

    /** Runs {@code change} on an existing schedule and says {@code done}; "not found" otherwise. */
    int onExisting(Schedules schedules, PrintWriter out, Runnable change, String done) {
      if (schedules.describe(scheduleId).isEmpty()) {
        return notFound();
      }
      change.run();
      out.println(done);
      out.flush();
      return 0;
    }
  }

  @Command(
      name = "apply",
      mixinStandardHelpOptions = true,
      description = "Creates the schedule, or updates it to these settings (keeps it paused if it is).")
  static final class Apply extends OnSchedule {
    @Option(
        names = "--cron",
        defaultValue = "${env:OCA_SCHEDULE_CRON:-" + ScheduleSettings.DEFAULT_CRON + "}",
        paramLabel = "CRON",
        description = "When runs start, cron in --time-zone (env OCA_SCHEDULE_CRON), default '${DEFAULT-VALUE}'.")
    String cron;

    @Option(
        names = "--time-zone",
        defaultValue = "${env:OCA_SCHEDULE_TIME_ZONE:-" + ScheduleSettings.DEFAULT_TIME_ZONE + "}",
        paramLabel = "ZONE",
        description = "IANA time zone of --cron (env OCA_SCHEDULE_TIME_ZONE), default ${DEFAULT-VALUE}.")
    String timeZone;

    @Mixin ParallelOption parallel;

    @Override
    int call(Schedules schedules, PrintWriter out) {
      ScheduleSettings settings = settings();
      Schedules.Applied applied = schedules.apply(scheduleId, OcaSchedule.of(settings));
      out.printf("%s %s: '%s' %s, runs %s* on task queue %s%n", applied == Schedules.Applied.CREATED ? "Created" : "Updated",
          scheduleId, settings.cron(), settings.timeZone(), ScheduleSettings.RUN_ID_PREFIX, settings.taskQueue());
      out.flush();
      return 0;
    }

    ScheduleSettings settings() {
      try {
        return new ScheduleSettings(scheduleId, cron, timeZone, temporal.settings().taskQueue(), parallel.value());
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, description = "Prints the schedule as JSON.")
  static final class Show extends OnSchedule {
    @Override
    int call(Schedules schedules, PrintWriter out) throws Exception {
      var description = schedules.describe(scheduleId);
      if (description.isEmpty()) {
        return notFound();
      }
      out.println(CliJson.pretty(View.of(description.get())));
      out.flush();
      return 0;
    }
  }

  @Command(name = "pause", mixinStandardHelpOptions = true, description = "Pauses the schedule (no runs start).")
  static final class Pause extends OnSchedule {
    @Option(names = "--note", defaultValue = "paused with oca schedule pause", paramLabel = "TEXT",
        description = "Why (shown in the Temporal UI), default '${DEFAULT-VALUE}'.")
    String note;

    @Override
    int call(Schedules schedules, PrintWriter out) {
      return onExisting(schedules, out, () -> schedules.pause(scheduleId, note), "Paused " + scheduleId);
    }
  }

  @Command(name = "unpause", mixinStandardHelpOptions = true, description = "Resumes the schedule.")
  static final class Unpause extends OnSchedule {
    @Option(names = "--note", defaultValue = "unpaused with oca schedule unpause", paramLabel = "TEXT",
        description = "Why (shown in the Temporal UI), default '${DEFAULT-VALUE}'.")
    String note;

    @Override
    int call(Schedules schedules, PrintWriter out) {
      return onExisting(schedules, out, () -> schedules.unpause(scheduleId, note), "Unpaused " + scheduleId);
    }
  }

  @Command(
      name = "trigger",
      mixinStandardHelpOptions = true,
      description = "Starts the scheduled action now (skipped while a scheduled run is still going; `oca start` always starts one).")
  static final class Trigger extends OnSchedule {
    @Override
    int call(Schedules schedules, PrintWriter out) {
      return onExisting(
          schedules,
          out,
          () -> schedules.trigger(scheduleId),
          "Triggered " + scheduleId + "; find the run with: WorkflowId STARTS_WITH '"
              + ScheduleSettings.RUN_ID_PREFIX + "'");
    }
  }

  /** What {@code show} prints. */
  record View(
      String id,
      List<String> cron,
      String timeZone,
      boolean paused,
      String note,
      String workflowType,
      String taskQueue,
      String overlap,
      String catchupWindow,
      boolean pauseOnFailure,
      List<Instant> nextRuns,
      List<Recent> recentRuns) {

    record Recent(Instant scheduledAt, String workflowId) {}

    static View of(ScheduleDescription d) {
      ScheduleSpec spec = d.getSchedule().getSpec();
      ScheduleActionStartWorkflow action = (ScheduleActionStartWorkflow) d.getSchedule().getAction();
      var policy = d.getSchedule().getPolicy();
      var state = d.getSchedule().getState();
      return new View(
          d.getId(),
          spec.getCronExpressions(),
          spec.getTimeZoneName(),
          state != null && state.isPaused(),
          state == null ? null : state.getNote(),
          action.getWorkflowType(),
          action.getOptions().getTaskQueue(),
          policy == null ? null : String.valueOf(policy.getOverlap()),
          policy == null || policy.getCatchupWindow() == null ? null : policy.getCatchupWindow().toString(),
          policy != null && policy.isPauseOnFailure(),
          d.getInfo().getNextActionTimes().stream().limit(3).toList(),
          d.getInfo().getRecentActions().stream()
              .map(
                  r ->
                      new Recent(
                          r.getScheduledAt(),
                          r.getAction() instanceof ScheduleActionExecutionStartWorkflow started
                              ? started.getWorkflowId()
                              : null))
              .toList());
    }
  }
}
