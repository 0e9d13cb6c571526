package org.ocaetl.geocode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.ocaetl.geocode.api.PreparedAddress;

/**
 * Turns an {@code oca_addresses} row into a {@link PreparedAddress}: house number and street
 * split (Queens hyphenated numbers such as {@code 109-20} included), the unit removed from the
 * street line, the borough found from the ZIP code or else the city name, and the normalized
 * cache key. The place names, ZIP ranges, unit words and street abbreviations are data files
 * under {@code geocode/} on the classpath, not code.
 */
public final class AddressPreparer {
  private static final String DATA = "geocode/";
  private static final Pattern HOUSE_NUMBER = Pattern.compile("\\d+[A-Z]?(?:-\\d+[A-Z]?)?");
  private static final Pattern SPACED_HYPHEN = Pattern.compile("^(\\d+[A-Z]?)\\s*-\\s*(\\d+[A-Z]?)(?=\\s)");
  private static final Pattern ORDINAL = Pattern.compile("\\d+(?:ST|ND|RD|TH)");
  private static final Pattern ZIP = Pattern.compile("^\\s*(\\d{5})(?:$|[^0-9])");
  private static final Pattern NOT_ADDRESS_CHAR = Pattern.compile("[^A-Z0-9#/&\\- ]");
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final String HALF = "1/2";

  private static final AddressPreparer DEFAULT = load();

  private final Map<String, String> boroughNames;
  private final Map<String, String> placeBoroughs;
  private final TreeMap<Integer, int[]> zipRanges;
  private final Map<String, String> unitKinds;
  private final Map<String, String> streetWords;

  private AddressPreparer(
      Map<String, String> boroughNames,
      Map<String, String> placeBoroughs,
      TreeMap<Integer, int[]> zipRanges,
      Map<String, String> unitKinds,
      Map<String, String> streetWords) {
    this.boroughNames = boroughNames;
    this.placeBoroughs = placeBoroughs;
    this.zipRanges = zipRanges;
    this.unitKinds = unitKinds;
    this.streetWords = streetWords;
  }

  /** The preparer over the data files shipped in the jar. */
  public static AddressPreparer standard() {
    return DEFAULT;
  }

  /**
   * The address of a row, or empty when {@code street1} holds nothing to geocode.
   */
  public Optional<PreparedAddress> prepare(String street1, String city, String state, String postalcode) {
    List<String> tokens = streetTokens(street1);
    if (tokens.isEmpty()) {
      return Optional.empty();
    }
    String houseNumber = null;
    int streetStart = 0;
    if (tokens.size() > 1 && HOUSE_NUMBER.matcher(tokens.get(0)).matches()) {
      houseNumber = tokens.get(0);
      streetStart = 1;
      if (tokens.size() > 2 && tokens.get(1).equals(HALF)) {
        houseNumber += " " + HALF;
        streetStart = 2;
      }
    }
    List<String> street = withoutUnit(tokens.subList(streetStart, tokens.size()));
    if (street.isEmpty()) {
      return Optional.empty();
    }
    String zip = zip(postalcode);
    String cleanCity = cleanName(city);
    String borough = zip != null ? zipBorough(zip) : null;
    boolean zipInCity = borough != null;
    if (borough == null && cleanCity != null) {
      borough = placeBorough(cleanCity);
    }
    String cleanState = cleanName(state);
    String streetName = String.join(" ", street);
    String key = String.join("|",
        houseNumber == null ? "" : houseNumber,
        canonical(street),
        borough == null ? "" : borough,
        zip == null ? "" : zip,
        borough == null && cleanCity != null ? cleanCity : "",
        borough == null && cleanState != null ? cleanState : "");
    return Optional.of(new PreparedAddress(
        key, houseNumber, streetName, borough, borough == null ? null : boroughNames.get(borough), zip,
        zipInCity, cleanCity, cleanState));
  }

  /** Borough code of a 5-digit NYC ZIP code, or null. */
  String zipBorough(String zip) {
    int value = Integer.parseInt(zip);
    Map.Entry<Integer, int[]> range = zipRanges.floorEntry(value);
    return range != null && value <= range.getValue()[0] ? Integer.toString(range.getValue()[1]) : null;
  }

  /** Borough code of a (cleaned) city name, or null. */
  String placeBorough(String cleanCity) {
    String borough = placeBoroughs.get(cleanCity);
    if (borough == null && cleanCity.endsWith(" NY")) {
      borough = placeBoroughs.get(cleanCity.substring(0, cleanCity.length() - 3));
    }
    return borough;
  }

  /** Upper case; the part before the first comma; punctuation to spaces; "109 - 20" to "109-20". */
  private static List<String> streetTokens(String street1) {
    if (street1 == null) {
      return List.of();
    }
    String line = street1.toUpperCase(Locale.ROOT).replace("'", "").replace("’", "");
    int comma = line.indexOf(',');
    if (comma > 0 && !line.substring(0, comma).isBlank()) {
      line = line.substring(0, comma);
    }
    line = SPACES.matcher(NOT_ADDRESS_CHAR.matcher(line).replaceAll(" ")).replaceAll(" ").strip();
    line = SPACED_HYPHEN.matcher(line).replaceFirst("$1-$2");
    return line.isEmpty() ? List.of() : List.of(line.split(" "));
  }

  /**
   * The street words before the unit: cut at the first unit word (or {@code #…} token) after the
   * first street word; a floor word also takes the ordinal before it ("2ND FL"). A line that starts
   * with a unit word has no street.
   */
  private List<String> withoutUnit(List<String> street) {
    String first = street.isEmpty() ? "" : street.get(0);
    if (first.startsWith("#") || (unitKinds.containsKey(first) && !unitKinds.get(first).equals("position"))) {
      return List.of(); // only a unit ("APT 3"): no street to geocode
    }
    for (int i = 1; i < street.size(); i++) {
      String token = street.get(i);
      String kind = token.startsWith("#") ? "unit" : unitKinds.get(token);
      if (kind != null) {
        int cut = i;
        if (kind.equals("floor") && i > 1 && ORDINAL.matcher(street.get(i - 1)).matches()) {
          cut = i - 1;
        }
        return street.subList(0, cut);
      }
    }
    return street;
  }

  private String canonical(List<String> street) {
    List<String> words = new ArrayList<>(street.size());
    for (String word : street) {
      words.add(streetWords.getOrDefault(word, word));
    }
    return String.join(" ", words);
  }

  private static String zip(String postalcode) {
    if (postalcode == null) {
      return null;
    }
    var m = ZIP.matcher(postalcode);
    return m.find() ? m.group(1) : null;
  }

  /** Upper case, punctuation to spaces, collapsed; null when blank. */
  static String cleanName(String value) {
    if (value == null) {
      return null;
    }
    String cleaned = SPACES.matcher(value.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9 ]", " "))
        .replaceAll(" ").strip();
    return cleaned.isEmpty() ? null : cleaned;
  }

  private static AddressPreparer load() {
    Map<String, String> boroughs = new HashMap<>();
    for (String[] row : rows("boroughs.tsv", 2)) {
      boroughs.put(row[0], row[1]);
    }
    Map<String, String> places = new HashMap<>();
    for (String[] row : rows("place-boroughs.tsv", 2)) {
      requireBorough(boroughs, row[1], "place-boroughs.tsv");
      places.put(cleanName(row[0]), row[1]);
    }
    TreeMap<Integer, int[]> zips = new TreeMap<>();
    for (String[] row : rows("zip-boroughs.tsv", 3)) {
      requireBorough(boroughs, row[2], "zip-boroughs.tsv");
      zips.put(Integer.parseInt(row[0]), new int[] {Integer.parseInt(row[1]), Integer.parseInt(row[2])});
    }
    Map<String, String> units = new HashMap<>();
    for (String[] row : rows("unit-designators.tsv", 2)) {
      units.put(row[0], row[1]);
    }
    Map<String, String> words = new HashMap<>();
    for (String[] row : rows("street-words.tsv", 2)) {
      words.put(row[0], row[1]);
    }
    return new AddressPreparer(Map.copyOf(boroughs), Map.copyOf(places), zips, Map.copyOf(units), Map.copyOf(words));
  }

  private static void requireBorough(Map<String, String> boroughs, String code, String file) {
    if (!boroughs.containsKey(code)) {
      throw new IllegalStateException(DATA + file + ": unknown borough code " + code);
    }
  }

  /** Tab-separated rows of a data file; blank lines and {@code #} comments skipped. */
  private static List<String[]> rows(String file, int fields) {
    List<String[]> rows = new ArrayList<>();
    try (InputStream in = AddressPreparer.class.getClassLoader().getResourceAsStream(DATA + file)) {
      if (in == null) {
        throw new IllegalStateException("Missing data file " + DATA + file);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] row = line.split("\t");
        if (row.length != fields) {
          throw new IllegalStateException(DATA + file + " line " + number + ": expected " + fields + " fields");
        }
        rows.add(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + DATA + file, e);
    }
    return rows;
  }
}
