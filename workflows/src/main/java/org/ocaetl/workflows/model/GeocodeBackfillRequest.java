package org.ocaetl.workflows.model;

/**
 * Input of the geocode backfill workflow (workflow type {@code
 * org.ocaetl.workflows.WorkflowIds#GEOCODE_BACKFILL_TYPE}): geocode the addresses that have no
 * coordinates.
 *
 * @param limit at most this many addresses, 0 for all of them
 */
public record GeocodeBackfillRequest(long limit) {}
