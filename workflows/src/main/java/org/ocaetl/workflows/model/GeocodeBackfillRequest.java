package org.ocaetl.workflows.model;

/**
 * Input of the geocode backfill workflow (workflow type {@code
 * org.ocaetl.workflows.WorkflowIds#GEOCODE_BACKFILL_TYPE}, issue #5): geocode the addresses that
 * have no coordinates, in case-id order.
 *
 * @param afterIndexNumberId start after this case id ({@code ""}: from the first case)
 */
public record GeocodeBackfillRequest(String afterIndexNumberId) {

  /** The whole table. */
  public static GeocodeBackfillRequest everything() {
    return new GeocodeBackfillRequest("");
  }
}
