package org.ocaetl.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Street addresses of a region: {@code 1234 GRAND CONCOURSE}, {@code 104-11 37TH AVE}, apartments
 * in Street2.
 */
final class AddressGenerator {

  /** One {@code PropertyAddress}; any part may be null (missing element). */
  record Address(String street1, String street2, String city, String state, String postalCode) {}

  private static final int[] HOUSE_NUMBER_BOUNDS = {100, 1000, 3000};
  private static final double STREET2_MISSING = 0.35;
  private static final double ZIP_PLUS_FOUR = 0.02;
  private static final double SAME_BUILDING = 0.6;

  private final WeightedList<String> units;

  AddressGenerator(Vocabulary vocabulary) {
    this.units = vocabulary.words("units");
  }

  /**
   * {@code count} addresses of one case: further addresses are often other units of the same
   * building.
   */
  List<Address> addresses(Region region, int count, SplittableRandom random) {
    List<Address> addresses = new ArrayList<>(count);
    Address first = address(region, random);
    addresses.add(first);
    for (int i = 1; i < count; i++) {
      Address next = address(region, random);
      if (random.nextDouble() < SAME_BUILDING) {
        next =
            new Address(
                first.street1(), unit(random), first.city(), first.state(), first.postalCode());
      }
      addresses.add(next);
    }
    return addresses;
  }

  private Address address(Region region, SplittableRandom random) {
    Region.City city = region.cities().pick(random);
    String zip = city.zipCodes().get(random.nextInt(city.zipCodes().size()));
    if (random.nextDouble() < ZIP_PLUS_FOUR) {
      zip = zip + "-" + (1000 + random.nextInt(9000));
    }
    String street1 = houseNumber(region, random) + " " + region.streets().pick(random);
    String street2 = random.nextDouble() < STREET2_MISSING ? null : unit(random);
    return new Address(street1, street2, city.name(), "NY", zip);
  }

  private static String houseNumber(Region region, SplittableRandom random) {
    if (region.hyphenatedHouseNumbers() && random.nextInt(5) > 0) {
      int block = 10 + random.nextInt(240);
      int lot = 1 + random.nextInt(99);
      return block + (lot < 10 ? "-0" : "-") + lot;
    }
    return Integer.toString(
        1 + random.nextInt(HOUSE_NUMBER_BOUNDS[random.nextInt(HOUSE_NUMBER_BOUNDS.length)]));
  }

  /**
   * A unit from the templates: {@code #} becomes floor + letter ({@code 4B}), {@code %} a number.
   */
  private String unit(SplittableRandom random) {
    String template = units.pick(random);
    StringBuilder unit = new StringBuilder(template.length() + 3);
    for (int i = 0; i < template.length(); i++) {
      char c = template.charAt(i);
      switch (c) {
        case '#' ->
            unit.append((char) ('1' + random.nextInt(9))).append((char) ('A' + random.nextInt(8)));
        case '%' -> unit.append(1 + random.nextInt(30));
        default -> unit.append(c);
      }
    }
    return unit.toString();
  }
}
