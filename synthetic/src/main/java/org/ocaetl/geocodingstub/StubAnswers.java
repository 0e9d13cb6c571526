package org.ocaetl.geocodingstub;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * What the stub services answer, in each API's documented format (docs/geocoding.md#how-the-chain-works), from a
 * made-up but deterministic gazetteer: any address with a house number is found, at coordinates
 * derived from its text, except these conventions:
 *
 * <ul>
 *   <li>{@code 314 WEST 100 ST} / {@code 314 W 100 ST}: Geoclient's documented success example;
 *   <li>street containing {@code NOWHERE}: not found by any service (Geoclient return code 11);
 *   <li>house number {@code 99999}: Geoclient rejects it (42) and GeoSearch has no feature, but the
 *       Census matches it (the fallback case);
 *   <li>house number {@code 77777}: Geoclient warning ({@code 01}) with a message;
 *   <li>house number {@code 88888}: Geoclient split result ({@code 00} on 1E with coordinates,
 *       {@code 42} on 1A);
 *   <li>street containing {@code FALLBACK}: GeoSearch answers with a street-layer feature only;
 *   <li>street containing {@code TIE}: Census {@code Tie}; Geoclient search input containing
 *       {@code POSSIBLE}: only a {@code POSSIBLE_MATCH}.
 * </ul>
 *
 * Padding is as the real services send it ({@code censusTract2010 = " 187  "}, street names with
 * double spaces), GeoSearch BBL/BIN are numbers for odd house numbers and strings for even ones.
 */
final class StubAnswers {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private StubAnswers() {}

  /** The {@code address} object of Geoclient {@code /address} (and of a {@code /search} result). */
  static ObjectNode geoclientAddress(String houseNumber, String street, String place) {
    String hn = houseNumber.strip().toUpperCase(Locale.ROOT);
    String st = street.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
    ObjectNode a = F.objectNode();
    a.put("houseNumberIn", hn);
    a.put("streetName1In", st);
    a.put("geosupportFunctionCode", "1B");
    if (hn.equals("314") && (st.equals("WEST 100 ST") || st.equals("W 100 ST") || st.equals("WEST 100 STREET"))) {
      return specExample(a);
    }
    if (st.contains("NOWHERE")) {
      return reject(a, "11", "STREET NAME NOT RECOGNIZED");
    }
    if (hn.equals("99999")) {
      return reject(a, "42", "ADDRESS NUMBER OUT OF RANGE");
    }
    Point p = Point.of(hn + "|" + st + "|" + place);
    a.put("houseNumber", hn);
    a.put("firstStreetNameNormalized", " " + st.replace(" ", "  ") + " ");
    a.put("firstBoroughName", "BROOKLYN");
    a.put("zipCode", "11201");
    a.put("geosupportReturnCode", "00");
    a.put("returnCode1e", "00");
    a.put("geosupportReturnCode2", "00");
    a.put("returnCode1a", "00");
    a.put("latitude", p.lat());
    a.put("longitude", p.lon());
    a.put("bbl", p.bbl());
    a.put("buildingIdentificationNumber", p.bin());
    a.put("communityDistrict", "302");
    a.put("censusTract2010", "  " + (p.hash() % 900 + 100) + "  ");
    a.put("cityCouncilDistrict", "33");
    if (hn.equals("77777")) {
      a.put("geosupportReturnCode", "01");
      a.put("returnCode1e", "01");
      a.put("message", "STREET NAME IS AN ALIAS");
    } else if (hn.equals("88888")) {
      a.put("geosupportReturnCode2", "42");
      a.put("returnCode1a", "42");
      a.put("message2", "ADDRESS NUMBER OUT OF RANGE");
      a.remove("bbl");
      a.remove("buildingIdentificationNumber");
    }
    return a;
  }

  /** Geoclient {@code /search}: one EXACT_MATCH, one POSSIBLE_MATCH, or no result. */
  static ObjectNode geoclientSearch(String input) {
    String line = input.strip().toUpperCase(Locale.ROOT);
    ObjectNode root = F.objectNode();
    root.put("id", "stub");
    root.put("status", "OK");
    root.put("input", input);
    ArrayNode results = root.putArray("results");
    if (!line.contains("NOWHERE")) {
      ObjectNode result = results.addObject();
      boolean possible = line.contains("POSSIBLE");
      result.put("level", possible ? "1" : "0");
      result.put("status", possible ? "POSSIBLE_MATCH" : "EXACT_MATCH");
      result.put("request", "address [stub]");
      String[] words = line.split(",")[0].split(" ", 2);
      result.set("response", geoclientAddress("1", words[words.length - 1], line));
    }
    root.putNull("parseTree");
    root.putNull("policy");
    return root;
  }

  /** GeoSearch {@code /v2/search}: a GeoJSON FeatureCollection of at most one feature. */
  static ObjectNode geoSearch(String text) {
    String line = text.strip().toUpperCase(Locale.ROOT);
    ObjectNode root = F.objectNode();
    root.putObject("geocoding").put("version", "0.2").putObject("query").put("text", text).put("size", 1);
    root.put("type", "FeatureCollection");
    ArrayNode features = root.putArray("features");
    String houseNumber = line.split(" ")[0];
    if (line.contains("NOWHERE") || houseNumber.equals("99999")) {
      return root;
    }
    Point p = Point.of(line.split(",")[0]);
    ObjectNode feature = features.addObject();
    feature.put("type", "Feature");
    ObjectNode geometry = feature.putObject("geometry");
    geometry.put("type", "Point");
    geometry.putArray("coordinates").add(p.lon()).add(p.lat());
    ObjectNode properties = feature.putObject("properties");
    boolean fallback = line.contains("FALLBACK");
    properties.put("housenumber", houseNumber);
    properties.put("street", line.split(",")[0].substring(houseNumber.length()).strip());
    properties.put("borough", "Brooklyn");
    properties.put("postalcode", "11201");
    properties.put("layer", fallback ? "street" : "address");
    properties.put("source", "nycpad");
    properties.put("match_type", fallback ? "fallback" : "exact");
    properties.put("accuracy", fallback ? "centroid" : "point");
    properties.put("confidence", fallback ? 0.6 : 1);
    ObjectNode pad = properties.putObject("addendum").putObject("pad");
    boolean odd = houseNumber.matches("\\d*[13579]");
    if (odd) {
      pad.put("bbl", Long.parseLong(p.bbl()));
      pad.put("bin", Long.parseLong(p.bin()));
    } else {
      pad.put("bbl", p.bbl());
      pad.put("bin", p.bin());
    }
    return root;
  }

  /** One Census {@code locations} output line for an input row (id, street, city, state, ZIP). */
  static String censusLine(String[] row) {
    String id = row[0];
    String street = row.length > 1 && row[1] != null ? row[1].toUpperCase(Locale.ROOT) : "";
    String zip = row.length > 4 && row[4] != null ? row[4] : "";
    String input = quote(id) + "," + quote(street + ", , , " + zip);
    if (street.contains("NOWHERE")) {
      return input + "," + quote("No_Match");
    }
    if (street.contains("TIE")) {
      return input + "," + quote("Tie");
    }
    Point p = Point.of(street + "|" + zip);
    return input + "," + quote("Match") + "," + quote(p.hash() % 2 == 0 ? "Exact" : "Non_Exact") + ","
        + quote(street + ", NEW YORK, NY, " + zip) + "," + quote(p.lon() + "," + p.lat()) + "," + quote("59657432")
        + "," + quote("L");
  }

  private static ObjectNode specExample(ObjectNode a) {
    a.put("houseNumber", "314");
    a.put("boroughCode1In", "1");
    a.put("firstStreetNameNormalized", "WEST  100 STREET");
    a.put("firstBoroughName", "MANHATTAN");
    a.put("zipCode", "10025");
    a.put("uspsPreferredCityName", "NEW YORK");
    a.put("geosupportReturnCode", "00");
    a.put("returnCode1e", "00");
    a.put("geosupportReturnCode2", "00");
    a.put("returnCode1a", "00");
    a.put("latitude", 40.798178);
    a.put("longitude", -73.972225);
    a.put("xCoordinate", "0991940");
    a.put("bbl", "1018887502");
    a.put("bblBoroughCode", "1");
    a.put("bblTaxBlock", "01888");
    a.put("bblTaxLot", "7502");
    a.put("buildingIdentificationNumber", "1057093");
    a.put("communityDistrict", "107");
    a.put("communityDistrictBoroughCode", "1");
    a.put("communityDistrictNumber", "07");
    a.put("censusTract2010", " 187  ");
    a.put("cityCouncilDistrict", "07");
    return a;
  }

  private static ObjectNode reject(ObjectNode a, String code, String message) {
    a.put("geosupportReturnCode", code);
    a.put("returnCode1e", code);
    a.put("message", message);
    a.put("geosupportReturnCode2", code);
    a.put("returnCode1a", code);
    a.put("message2", message);
    return a;
  }

  private static String quote(String value) {
    return "\"" + value.replace("\"", "\"\"") + "\"";
  }

  /** A made-up point in New York City and identifiers derived from an address's text. */
  record Point(int hash) {
    static Point of(String text) {
      return new Point(text.hashCode() & 0x7fffffff);
    }

    double lat() {
      return 40.5 + (hash % 400_000) / 1_000_000.0;
    }

    double lon() {
      return -74.25 + (hash / 400_000 % 550_000) / 1_000_000.0;
    }

    String bbl() {
      return String.format(Locale.ROOT, "3%09d", hash % 1_000_000_000);
    }

    String bin() {
      return String.format(Locale.ROOT, "3%06d", hash % 1_000_000);
    }
  }
}
