package org.ocaetl.geocode.api;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.ocaetl.model.Column;
import org.ocaetl.model.OcaTable;

/**
 * The twenty geocoder columns of {@code oca_addresses} (docs/tables.md#oca_addresses), in table order. Text values
 * are trimmed, blank ones are null; {@code lat}/{@code lon} are null unless both are valid WGS 84
 * coordinates.
 */
public record GeocodeColumns(
    String status,
    String houseNumber,
    String streetName,
    String boroughCode,
    String placeName,
    String sname,
    String hnum,
    String boro,
    Double lat,
    String bin,
    String bbl,
    String cd,
    String ct,
    String council,
    String grc,
    String grc2,
    String msg,
    String msg2,
    Double lon,
    String zipCode) {

  /** Outcome of a geocode that produced coordinates. */
  public static final String SUCCESS = "success";

  /** Outcome of a geocode that was rejected or found nothing. */
  public static final String ERROR = "error";

  /** Position of {@code status}, the first geocoder column, in {@code oca_addresses}. */
  public static final int FIRST_COLUMN = 6;

  /** The column names, in table order: {@code status} … {@code zip_code}. */
  public static final List<String> NAMES =
      OcaTable.OCA_ADDRESSES.columns().stream()
          .skip(FIRST_COLUMN)
          .map(Column::name)
          .toList();

  public GeocodeColumns {
    status = clean(status);
    houseNumber = clean(houseNumber);
    streetName = clean(streetName);
    boroughCode = clean(boroughCode);
    placeName = clean(placeName);
    sname = clean(sname);
    hnum = clean(hnum);
    boro = clean(boro);
    bin = clean(bin);
    bbl = clean(bbl);
    cd = clean(cd);
    ct = clean(ct);
    council = clean(council);
    grc = clean(grc);
    grc2 = clean(grc2);
    msg = clean(msg);
    msg2 = clean(msg2);
    zipCode = clean(zipCode);
    if (!validCoordinates(lat, lon)) {
      lat = null;
      lon = null;
    }
  }

  /**
   * The same columns as a miss: a service that said success without coordinates did not place the
   * address, and the status must say so.
   */
  public GeocodeColumns asMiss() {
    return new GeocodeColumns(ERROR, houseNumber, streetName, boroughCode, placeName, sname, hnum, boro, null, bin,
        bbl, cd, ct, council, grc, grc2, msg != null ? msg : "no coordinates", msg2, null, zipCode);
  }

  /** Shows the outcome, never the address inputs (docs/processing-rules.md#rule-15). */
  @Override
  public String toString() {
    return "GeocodeColumns[status=" + status + ", coordinates=" + hasCoordinates() + ", grc=" + grc + ", grc2=" + grc2
        + ", msg=" + msg + ", msg2=" + msg2 + "]";
  }

  /** Coordinates are present. */
  public boolean hasCoordinates() {
    return lat != null;
  }

  /** The values as CSV text, in {@link #NAMES} order; null stays null. */
  public String[] csvValues() {
    return new String[] {
      status, houseNumber, streetName, boroughCode, placeName, sname, hnum, boro, number(lat), bin,
      bbl, cd, ct, council, grc, grc2, msg, msg2, number(lon), zipCode
    };
  }

  /** The columns back from {@link #csvValues()} order (e.g. a cache row); lat/lon parsed safely. */
  public static GeocodeColumns fromValues(String[] v) {
    if (v.length != NAMES.size()) {
      throw new IllegalArgumentException("Expected " + NAMES.size() + " geocoder values, got " + v.length);
    }
    return new GeocodeColumns(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], Numbers.decimal(v[8]), v[9],
        v[10], v[11], v[12], v[13], v[14], v[15], v[16], v[17], Numbers.decimal(v[18]), v[19]);
  }

  /** A builder that starts from the geocoder inputs of {@code address} (house number, street, ZIP). */
  public static Builder inputs(PreparedAddress address) {
    Builder b = new Builder();
    b.values[1] = address.houseNumber();
    b.values[2] = address.street();
    b.values[19] = address.zip();
    return b;
  }

  /** Null-safe trim; blank becomes null (empty strings are stored as NULL). */
  static String clean(String value) {
    if (value == null) {
      return null;
    }
    String trimmed = value.strip();
    return trimmed.isEmpty() ? null : trimmed;
  }

  private static boolean validCoordinates(Double lat, Double lon) {
    return lat != null && lon != null
        && Double.isFinite(lat) && Double.isFinite(lon)
        && Math.abs(lat) <= 90 && Math.abs(lon) <= 180
        && !(lat == 0 && lon == 0); // 0,0 is how some services say "no coordinates"
  }

  private static String number(Double value) {
    return value == null ? null : BigDecimal.valueOf(value).toPlainString();
  }

  /** Fills the columns by name; unset columns are null. */
  public static final class Builder {
    private final String[] values = new String[20];
    private Double lat;
    private Double lon;

    public Builder status(String v) { values[0] = v; return this; }
    public Builder sname(String v) { values[5] = v; return this; }
    public Builder hnum(String v) { values[6] = v; return this; }
    public Builder boro(String v) { values[7] = v; return this; }
    public Builder bin(String v) { values[9] = v; return this; }
    public Builder bbl(String v) { values[10] = v; return this; }
    public Builder cd(String v) { values[11] = v; return this; }
    public Builder ct(String v) { values[12] = v; return this; }
    public Builder council(String v) { values[13] = v; return this; }
    public Builder grc(String v) { values[14] = v; return this; }
    public Builder grc2(String v) { values[15] = v; return this; }
    public Builder msg(String v) { values[16] = v; return this; }
    public Builder msg2(String v) { values[17] = v; return this; }

    public Builder coordinates(Double latitude, Double longitude) {
      lat = latitude;
      lon = longitude;
      return this;
    }

    public GeocodeColumns build() {
      String[] v = Arrays.copyOf(values, values.length);
      return new GeocodeColumns(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], lat, v[9], v[10], v[11],
          v[12], v[13], v[14], v[15], v[16], v[17], lon, v[19]);
    }
  }
}
