package org.ocaetl.worker.ops;

import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowNotFoundException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.ocaetl.discover.RawFileDiscovery;
import org.ocaetl.worker.cli.CliJson;
import org.ocaetl.worker.cluster.TemporalConnection;
import org.ocaetl.worker.cluster.TemporalOptions;
import org.ocaetl.worker.options.ParallelOption;
import org.ocaetl.worker.schedule.ScheduleCommand;
import org.ocaetl.workflows.BackfillClient;
import org.ocaetl.workflows.WorkflowIds;
import org.ocaetl.workflows.model.BackfillRequest;
import org.ocaetl.workflows.model.BackfillState;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code oca backfill …}: queues one request in the long-lived backfill workflow ({@code
 * oca-backfill}) with signal-with-start, so it is started when it is not running. The workflow
 * does the requests one at a time; {@code oca backfill status} shows where it is.
 */
@Command(
    name = "backfill",
    mixinStandardHelpOptions = true,
    description = {
      "Queues a backfill request in the workflow " + WorkflowIds.BACKFILL + ", starting it if needed.",
      "Requests run one at a time, in order. `status` shows the queue and the last outcomes."
    },
    subcommands = {
      BackfillCommand.Replay.class,
      BackfillCommand.Geocode.class,
      BackfillCommand.PurgeTombstones.class,
      BackfillCommand.Republish.class,
      BackfillCommand.Status.class
    })
public final class BackfillCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
  }

  /** Sends one request. */
  abstract static class Send implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Mixin TemporalOptions temporal;

    abstract BackfillRequest request();

    @Override
    public Integer call() {
      BackfillRequest request;
      try {
        request = request();
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
      try (TemporalConnection connection = TemporalConnection.open(temporal.settings())) {
        WorkflowExecution execution =
            BackfillClient.request(connection.client(), connection.settings().taskQueue(), BackfillState.fresh(), request);
        PrintWriter out = spec.commandLine().getOut();
        out.println("Queued " + request.describe() + " in " + execution.getWorkflowId() + " (run " + execution.getRunId() + ")");
        out.flush();
        return 0;
      }
    }
  }

  @Command(name = "replay", mixinStandardHelpOptions = true,
      description = "Stages and promotes again the archived raw files whose names match GLOB (a run with replays).")
  static final class Replay extends Send {
    @Parameters(paramLabel = "GLOB", description = "Glob over archived raw file names, e.g. '*2024-0[1-3]*'.")
    String glob;

    @Mixin ParallelOption parallel;

    @Override
    BackfillRequest request() {
      RawFileDiscovery.glob(glob); // a bad glob is a usage error here, not a failed request later
      return BackfillRequest.replay(glob, parallel.value());
    }
  }

  @Command(name = "geocode", mixinStandardHelpOptions = true,
      description = "Geocodes the addresses that have no coordinates (the geocode backfill workflow, id oca-geocode-backfill).")
  static final class Geocode extends Send {
    @Override
    BackfillRequest request() {
      return BackfillRequest.geocode();
    }
  }

  @Command(name = "purge-tombstones", mixinStandardHelpOptions = true,
      description = "Deletes from the eleven data tables every case whose oca_metadata.deletedate is set, then republishes.")
  static final class PurgeTombstones extends Send {
    @Override
    BackfillRequest request() {
      return BackfillRequest.purgeTombstones();
    }
  }

  @Command(name = "republish", mixinStandardHelpOptions = true, description = "Rewrites the public files from the tables.")
  static final class Republish extends Send {
    @Override
    BackfillRequest request() {
      return BackfillRequest.republish();
    }
  }

  @Command(name = "status", mixinStandardHelpOptions = true,
      description = "Prints the backfill workflow's current request, queue and last outcomes as JSON.")
  static final class Status implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Mixin TemporalOptions temporal;

    @Override
    public Integer call() throws Exception {
      try (TemporalConnection connection = TemporalConnection.open(temporal.settings())) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(CliJson.pretty(BackfillClient.progress(connection.client())));
        out.flush();
        return 0;
      } catch (WorkflowNotFoundException e) {
        spec.commandLine().getErr().println("No backfill workflow is running (" + WorkflowIds.BACKFILL + ").");
        return ScheduleCommand.EXIT_NOT_FOUND;
      }
    }
  }
}
