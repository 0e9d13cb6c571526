package org.ocaetl.geocode.api;

/**
 * One address ready for the geocoders, made by {@code geocode.AddressPreparer} from the {@code street1},
 * {@code city}, {@code state} and {@code postalcode} of an {@code oca_addresses} row ({@code
 * street2}, the unit, is not used, as by the predecessor).
 *
 * @param key the normalized address: the cache key, equal for spellings of the same address
 * @param houseNumber e.g. {@code 314} or {@code 109-20}; null when the line has none (free-form)
 * @param street the street name as written (cleaned, unit removed); the whole cleaned line when
 *     there is no house number
 * @param boroughCode Geosupport borough code {@code 1}..{@code 5}; null outside New York City or
 *     when neither the ZIP code nor the city name tells
 * @param boroughName e.g. {@code MANHATTAN}; null with {@code boroughCode}
 * @param zip the 5-digit ZIP code; null when {@code postalcode} has none
 * @param zipInCity the ZIP code is a New York City one (it then decided the borough)
 * @param city the cleaned city name, or null
 * @param state the cleaned state, or null
 */
public record PreparedAddress(
    String key,
    String houseNumber,
    String street,
    String boroughCode,
    String boroughName,
    String zip,
    boolean zipInCity,
    String city,
    String state) {

  /** In New York City: the NYC geocoders (Geoclient, GeoSearch) can answer it. */
  public boolean inNewYorkCity() {
    return boroughCode != null;
  }

  /** {@code <house number> <street>}, or the free-form line. */
  public String streetLine() {
    return houseNumber == null ? street : houseNumber + " " + street;
  }

  /** {@code 314 WEST 100 ST, MANHATTAN, 10025}: one line for services that parse it themselves. */
  public String oneLine() {
    StringBuilder line = new StringBuilder(streetLine());
    String place = boroughName != null ? boroughName : city;
    if (place != null) {
      line.append(", ").append(place);
    }
    if (boroughName == null && state != null) {
      line.append(", ").append(state);
    }
    if (zip != null) {
      line.append(", ").append(zip);
    }
    return line.toString();
  }

  /** Never prints the address (docs/processing-rules.md#rule-15): for logs and assertion messages only the shape. */
  @Override
  public String toString() {
    return "PreparedAddress[borough=" + boroughCode + ", houseNumber=" + (houseNumber != null) + "]";
  }
}
