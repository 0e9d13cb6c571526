package org.ocaetl.worker.ops;

import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import org.ocaetl.discover.RawFileDiscovery;
import org.ocaetl.worker.cli.RunResultOutput;
import org.ocaetl.worker.cluster.TemporalConnection;
import org.ocaetl.worker.cluster.TemporalOptions;
import org.ocaetl.worker.options.ParallelOption;
import org.ocaetl.workflows.FailureTypes;
import org.ocaetl.workflows.OcaRunWorkflow;
import org.ocaetl.workflows.model.RunRequest;
import org.ocaetl.workflows.model.RunResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code oca start}: one run now on the cluster (the workers do the work). */
@Command(
    name = "start",
    mixinStandardHelpOptions = true,
    description = {
      "Starts one run now on the Temporal cluster and prints its workflow id.",
      "With --wait, waits and prints the run result as JSON instead, and exits 0 when the run was clean, 3 when"
          + " files or cases failed, 1 when the run failed or crashed (also on a file); 2 is bad usage."
    })
public final class StartCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(StartCommand.class);
  private static final DateTimeFormatter ID_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  @Spec CommandSpec spec;

  @Mixin TemporalOptions temporal;

  @Mixin ParallelOption parallel;

  @Option(names = "--reprocess", paramLabel = "GLOB", description = "Also replay archived files whose names match GLOB.")
  String reprocessGlob;

  @Option(
      names = "--workflow-id",
      paramLabel = "ID",
      description = "Workflow id of the run (default oca-run/manual-<UTC time>). A running workflow with this id is an error.")
  String workflowId;

  @Option(names = "--wait", description = "Wait for the run to finish and print its result.")
  boolean waitForResult;

  @Override
  public Integer call() throws Exception {
    int files = parallel.value();
    if (reprocessGlob != null) {
      try {
        RawFileDiscovery.glob(reprocessGlob);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
    }
    String id = workflowId != null ? workflowId : "oca-run/manual-" + ID_TIME.format(Instant.now());
    PrintWriter out = spec.commandLine().getOut();
    try (TemporalConnection connection = TemporalConnection.open(temporal.settings())) {
      OcaRunWorkflow run =
          connection.client().newWorkflowStub(
              OcaRunWorkflow.class,
              WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(connection.settings().taskQueue()).build());
      WorkflowExecution started;
      try {
        started = WorkflowClient.start(run::run, RunRequest.of(reprocessGlob, files));
      } catch (WorkflowExecutionAlreadyStarted e) {
        spec.commandLine().getErr().println("A run with workflow id " + id + " is already running.");
        return RunResultOutput.EXIT_RUN_FAILED;
      }
      if (!waitForResult) {
        out.println(started.getWorkflowId());
        out.flush();
        return 0;
      }
      log.info("Started {} (run id {}); waiting for its result", started.getWorkflowId(), started.getRunId());
      RunResult result;
      try {
        result = WorkflowStub.fromTyped(run).getResult(RunResult.class);
      } catch (WorkflowFailedException e) {
        log.error("The run {} failed: {}", id, FailureTypes.reason(e.getCause()));
        return RunResultOutput.EXIT_RUN_FAILED;
      }
      return RunResultOutput.print(result, out);
    }
  }
}
