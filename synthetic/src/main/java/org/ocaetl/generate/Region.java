package org.ocaetl.generate;

import java.util.List;

/**
 * A court and the places it serves: the cities (each with its ZIP codes) and streets of its
 * addresses, and how its house numbers look.
 *
 * @param court the {@code Court} text
 * @param hyphenatedHouseNumbers Queens-style house numbers ({@code 104-11})
 * @param cities the cities of the region, weighted
 * @param streets street names of the region
 */
record Region(
    String court,
    boolean hyphenatedHouseNumbers,
    WeightedList<City> cities,
    WeightedList<String> streets) {

  /** A city and its ZIP codes. */
  record City(String name, List<String> zipCodes) {}

  /** Every region of the vocabulary, weighted by its share of cases. */
  static WeightedList<Region> all(Vocabulary vocabulary) {
    return vocabulary
        .lines("regions")
        .map(
            line -> {
              String key = line.field(0);
              WeightedList<City> cities =
                  vocabulary
                      .lines(key + ".cities")
                      .map(city -> new City(city.field(0), List.of(city.field(1).split(" "))));
              return new Region(
                  line.field(1),
                  "queens".equals(line.field(2)),
                  cities,
                  vocabulary.words(key + ".streets"));
            });
  }
}
