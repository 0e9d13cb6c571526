package org.ocaetl.workflows.model;

/**
 * Input of the geocode backfill workflow. Geocoder settings are not part of it: they are the
 * worker's configuration.
 *
 * @param afterIndexNumberId start after this case id ({@code ""}: from the first case)
 * @param casesPerPage cases whose address rows are geocoded together
 * @param pagesPerSlice pages of one activity execution (it heartbeats after each)
 * @param slicesPerRun activity executions before the workflow continues as new
 * @param carried counts of the runs before a continue-as-new
 * @param runs runs before this one (continue-as-new count)
 */
public record GeocodeBackfillRequest(
    String afterIndexNumberId,
    int casesPerPage,
    int pagesPerSlice,
    int slicesPerRun,
    GeocodeBackfillCounts carried,
    int runs) {

  public GeocodeBackfillRequest {
    if (afterIndexNumberId == null) {
      afterIndexNumberId = "";
    }
    if (carried == null) {
      carried = GeocodeBackfillCounts.ZERO;
    }
    if (casesPerPage < 1 || pagesPerSlice < 1 || slicesPerRun < 1) {
      throw new IllegalArgumentException("casesPerPage, pagesPerSlice and slicesPerRun must be positive");
    }
  }

  /** The whole table: pages of 500 cases, 20 pages a slice, 50 slices a run. */
  public static GeocodeBackfillRequest everything() {
    return new GeocodeBackfillRequest("", 500, 20, 50, GeocodeBackfillCounts.ZERO, 0);
  }

  /** The input of the next run after a continue-as-new. */
  public GeocodeBackfillRequest continueFrom(String cursor, GeocodeBackfillCounts counts) {
    return new GeocodeBackfillRequest(cursor, casesPerPage, pagesPerSlice, slicesPerRun, counts, runs + 1);
  }
}
