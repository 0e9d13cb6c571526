package org.ocaetl.geocode.api;

/**
 * What one geocoder said about one address.
 *
 * @param outcome see {@link Outcome}
 * @param columns the geocoder columns to store; null unless FOUND or NOT_FOUND
 * @param geocoder name of the geocoder that answered (e.g. {@code geoclient})
 * @param release its data release as configured (e.g. {@code v2}, {@code Public_AR_Current})
 */
public record GeocodeResult(Outcome outcome, GeocodeColumns columns, String geocoder, String release) {

  public enum Outcome {
    /** Coordinates found. Cached. */
    FOUND,
    /** The service answered that it cannot place the address (a reject, no match). Cached. */
    NOT_FOUND,
    /** Not asked: the address is outside what this geocoder covers (e.g. not in NYC). Not cached. */
    DECLINED,
    /** No answer: transport errors, throttling, circuit open, time budget spent. Not cached; left for the backfill. */
    UNAVAILABLE
  }

  public GeocodeResult {
    if ((outcome == Outcome.FOUND || outcome == Outcome.NOT_FOUND) == (columns == null)) {
      throw new IllegalArgumentException(outcome + " result with" + (columns == null ? "out" : "") + " columns");
    }
    if (outcome == Outcome.FOUND && !columns.hasCoordinates()) {
      throw new IllegalArgumentException("FOUND result without coordinates");
    }
  }

  /** FOUND when the columns have coordinates, NOT_FOUND otherwise. */
  public static GeocodeResult answered(GeocodeColumns columns, String geocoder, String release) {
    if (!columns.hasCoordinates() && GeocodeColumns.SUCCESS.equals(columns.status())) {
      columns = columns.asMiss();
    }
    return new GeocodeResult(columns.hasCoordinates() ? Outcome.FOUND : Outcome.NOT_FOUND, columns, geocoder, release);
  }

  public static GeocodeResult declined(String geocoder, String release) {
    return new GeocodeResult(Outcome.DECLINED, null, geocoder, release);
  }

  public static GeocodeResult unavailable(String geocoder, String release) {
    return new GeocodeResult(Outcome.UNAVAILABLE, null, geocoder, release);
  }

  /** The service gave an answer worth caching. */
  public boolean definitive() {
    return outcome == Outcome.FOUND || outcome == Outcome.NOT_FOUND;
  }

  public boolean found() {
    return outcome == Outcome.FOUND;
  }
}
