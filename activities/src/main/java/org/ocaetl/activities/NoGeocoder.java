package org.ocaetl.activities;

import java.nio.file.Path;

/** Geocodes nothing: addresses keep empty geocode columns (the honest default until issue #5). */
public final class NoGeocoder implements Geocoder {
  public static final String NAME = "none";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public long geocode(Path exportDir) {
    return 0;
  }
}
