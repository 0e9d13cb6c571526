package org.ocaetl.workflows;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import org.ocaetl.workflows.model.FileProgress;
import org.ocaetl.workflows.model.FileRequest;
import org.ocaetl.workflows.model.FileResult;

/**
 * Stages one archived raw file: parse, export, geocode and upload, all on the worker that fetched
 * it. Its workflow id is {@code oca-file/<file name>} (see {@link WorkflowIds}), so rerunning a
 * failed file is starting this workflow again.
 */
@WorkflowInterface
public interface FileWorkflow {

  @WorkflowMethod(name = "OcaFile")
  FileResult stage(FileRequest request);

  @QueryMethod
  FileProgress progress();
}
