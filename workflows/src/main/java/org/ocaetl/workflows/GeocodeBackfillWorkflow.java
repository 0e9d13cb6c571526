package org.ocaetl.workflows;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import org.ocaetl.workflows.model.GeocodeBackfillRequest;
import org.ocaetl.workflows.model.GeocodeBackfillResult;

/**
 * Geocodes every {@code oca_addresses} row that has no coordinates (rows a geocoder missed or
 * could not reach when their file was staged), in place. Started with id {@link
 * WorkflowIds#GEOCODE_BACKFILL}, so at most one runs at a time.
 */
@WorkflowInterface
public interface GeocodeBackfillWorkflow {

  @WorkflowMethod(name = "GeocodeBackfill")
  GeocodeBackfillResult backfill(GeocodeBackfillRequest request);

  /** Counts and cursor so far. */
  @QueryMethod
  GeocodeBackfillResult progress();
}
