package org.ocaetl.workflows.model;

/**
 * What the geocode backfill did so far (counts only: no address enters a history).
 *
 * @param pages pages processed
 * @param rows address rows without coordinates that were looked at
 * @param rowsGeocoded rows that got coordinates
 * @param rowsMissed rows the geocoders could not place
 * @param rowsLeft rows left without an answer (a service was down): a later backfill tries again
 */
public record GeocodeBackfillCounts(long pages, long rows, long rowsGeocoded, long rowsMissed, long rowsLeft) {
  public static final GeocodeBackfillCounts ZERO = new GeocodeBackfillCounts(0, 0, 0, 0, 0);

  public GeocodeBackfillCounts plus(GeocodeBackfillCounts other) {
    return new GeocodeBackfillCounts(pages + other.pages, rows + other.rows, rowsGeocoded + other.rowsGeocoded,
        rowsMissed + other.rowsMissed, rowsLeft + other.rowsLeft);
  }
}
