package org.ocaetl.geocode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ocaetl.geocode.api.PreparedAddress;

/** House number and street split, unit removal, borough from ZIP code or city, normalized key. */
class AddressPreparerTest {
  final AddressPreparer preparer = AddressPreparer.standard();

  PreparedAddress prepare(String street1, String city, String zip) {
    return preparer.prepare(street1, city, "NY", zip).orElseThrow();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock = """
          314 West 100th Street             | 314      | WEST 100TH STREET
          109-20 71st Rd                    | 109-20   | 71ST RD
          109 - 20 71st Rd                  | 109-20   | 71ST RD
          12A Main St                       | 12A      | MAIN ST
          12 1/2 Main St                    | 12 1/2   | MAIN ST
          123 Main St Apt 4B                | 123      | MAIN ST
          123 Main St, Apt 4B               | 123      | MAIN ST
          123 Main St #4B                   | 123      | MAIN ST
          123 Main St 2nd Fl                | 123      | MAIN ST
          123 Main St Floor 3               | 123      | MAIN ST
          45 St. Mark's Pl. Bsmt            | 45       | ST MARKS PL
          1 Front St                        | 1        | FRONT ST
          1234 Grand Concourse Unit 5       | 1234     | GRAND CONCOURSE
          """)
  void splitsHouseNumberAndStreetAndDropsTheUnit(String street1, String houseNumber, String street) {
    PreparedAddress address = prepare(street1, "Brooklyn", "11201");
    assertEquals(houseNumber, address.houseNumber());
    assertEquals(street, address.street());
  }

  @Test
  void aLineWithoutHouseNumberIsFreeForm() {
    PreparedAddress address = prepare("One Police Plaza", "New York", "10038");
    assertNull(address.houseNumber());
    assertEquals("ONE POLICE PLAZA", address.streetLine());
    assertEquals("ONE POLICE PLAZA, MANHATTAN, 10038", address.oneLine());
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      textBlock = """
          LIC                   | -          | 4
          L.I.C.                | -          | 4
          Long Island City      | -          | 4
          FAR ROCKAWAY          | -          | 4
          Far Rockawy           | -          | 4
          BKLYN                 | -          | 3
          Brooklyn, NY          | -          | 3
          bronx                 | -          | 2
          Staten Is             | -          | 5
          New York              | -          | 1
          Manhatten             | -          | 1
          Jamaica               | -          | 4
          Anywhere              | 11691      | 4
          BROOKLYN              | 11432      | 4
          -                     | 10301-1234 | 5
          -                     | 10451      | 2
          """)
  void findsTheBoroughFromTheZipCodeOrElseTheCity(String city, String zip, String borough) {
    assertEquals(borough, prepare("1 Main St", city, zip).boroughCode());
  }

  @Test
  void addressesOutsideTheCityHaveNoBorough() {
    PreparedAddress yonkers = prepare("12 Main St", "Yonkers", "10701");
    assertFalse(yonkers.inNewYorkCity());
    PreparedAddress elmont = prepare("12 Main St", "Floral Park", "11003");
    assertFalse(elmont.inNewYorkCity(), "11003 is Nassau County");
    assertTrue(prepare("12 Main St", "Floral Park", "11004").inNewYorkCity(), "11004 is Queens");
  }

  @Test
  void theZipCodeDecidesHowGeoclientIsAsked() {
    assertTrue(prepare("1 Main St", "Bronx", "10451").zipInCity());
    PreparedAddress typo = prepare("1 Main St", "Bronx", "90451");
    assertFalse(typo.zipInCity());
    assertEquals("2", typo.boroughCode(), "the city name still tells the borough");
  }

  @Test
  void spellingsOfOneAddressShareTheCacheKeyAndOthersDoNot() {
    String key = prepare("314 West 100 Street Apt 2", "New York", "10025").key();
    assertEquals(key, prepare("314 W. 100 St.", "MANHATTAN", "10025-1234").key());
    assertEquals(key, prepare("314 WEST 100 ST, #5F", "NYC", "10025").key());
    assertNotEquals(key, prepare("316 West 100 Street", "New York", "10025").key());
    assertNotEquals(key, prepare("314 West 100 Street", "New York", "10024").key());
    assertNotEquals(prepare("12 Main St", "Yonkers", "10701").key(), prepare("12 Main St", "Mount Vernon", "10701").key(),
        "outside the city the town is part of the key");
  }

  @Test
  void nothingToGeocodeWithoutAStreetLine() {
    assertEquals(Optional.empty(), preparer.prepare(null, "Bronx", "NY", "10451"));
    assertEquals(Optional.empty(), preparer.prepare("  , Apt 3", "Bronx", "NY", "10451"));
    assertEquals(Optional.empty(), preparer.prepare("...", "Bronx", "NY", "10451"));
  }

  @Test
  void neverPrintsTheAddress() {
    assertFalse(prepare("314 West 100 Street", "New York", "10025").toString().contains("100"));
  }
}
