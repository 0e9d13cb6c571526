package org.ocaetl.geocode;

import java.util.Collections;
import java.util.List;
import org.ocaetl.geocode.api.GeocodeResult;
import org.ocaetl.geocode.api.GeocodeRun;
import org.ocaetl.geocode.api.Geocoder;
import org.ocaetl.geocode.api.PreparedAddress;

/** Geocodes nothing ({@code --geocoder none}): addresses keep empty geocode columns. */
public final class NoGeocoder implements Geocoder {
  public static final String NAME = "none";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String release() {
    return "";
  }

  @Override
  public List<GeocodeResult> geocode(List<PreparedAddress> addresses, GeocodeRun run) {
    return Collections.nCopies(addresses.size(), GeocodeResult.declined(NAME, ""));
  }
}
