package org.ocaetl.workflows;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import org.ocaetl.workflows.model.RunProgress;
import org.ocaetl.workflows.model.RunRequest;
import org.ocaetl.workflows.model.RunResult;

/**
 * One processing run: discover the raw files, stage each in its own {@link FileWorkflow}, promote
 * the staged ones in one transaction, publish. Started by a Schedule, {@code oca start} or
 * {@code oca local}.
 */
@WorkflowInterface
public interface OcaRunWorkflow {

  @WorkflowMethod(name = "OcaRun")
  RunResult run(RunRequest request);

  @QueryMethod
  RunProgress progress();
}
