package org.ocaetl.workflows;

import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import org.ocaetl.workflows.model.BackfillProgress;
import org.ocaetl.workflows.model.BackfillRequest;
import org.ocaetl.workflows.model.BackfillState;

/** Client side of the backfill workflow: sends a request, starting the workflow if needed. */
public final class BackfillClient {
  private BackfillClient() {}

  /**
   * Signal-with-start: queues {@code request} in the running {@link WorkflowIds#BACKFILL}
   * workflow, or starts one with {@code initial} state and then queues it.
   *
   * @return the execution that received the request
   */
  public static WorkflowExecution request(
      WorkflowClient client, String taskQueue, BackfillState initial, BackfillRequest request) {
    BackfillWorkflow backfill =
        client.newWorkflowStub(
            BackfillWorkflow.class,
            WorkflowOptions.newBuilder().setTaskQueue(taskQueue).setWorkflowId(WorkflowIds.BACKFILL).build());
    BatchRequest batch = client.newSignalWithStartRequest();
    batch.add(backfill::run, initial);
    batch.add(backfill::request, request);
    return client.signalWithStart(batch);
  }

  /** The running backfill workflow's progress. */
  public static BackfillProgress progress(WorkflowClient client) {
    return client.newWorkflowStub(BackfillWorkflow.class, WorkflowIds.BACKFILL).progress();
  }
}
