package org.ocaetl.activities;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Adds coordinates to a file's exported addresses (geocoding.md). The only implementation until
 * issue #5 is {@link NoGeocoder}; the staging step exists so that a real geocoder slots in
 * without changing the workflows.
 */
public interface Geocoder {

  /** Name recorded with the results (and in the file result), e.g. {@code none}. */
  String name();

  /**
   * Geocodes the addresses of {@code oca_addresses.csv} in {@code exportDir} in place.
   *
   * @return how many addresses got coordinates
   */
  long geocode(Path exportDir) throws IOException;
}
