package org.ocaetl.geocode.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Locale;
import org.ocaetl.geocode.api.GeocodeColumns;
import org.ocaetl.geocode.api.GeocodeResult;
import org.ocaetl.geocode.api.Numbers;
import org.ocaetl.geocode.api.PreparedAddress;
import org.ocaetl.geocode.http.HttpCaller;
import org.ocaetl.geocode.http.MalformedResponseException;

/**
 * NYC Planning Labs GeoSearch v2 (docs/geocoding.md#how-the-chain-works): Pelias over the Property Address Directory,
 * no key. One line with the borough and ZIP code (the same street name exists in several
 * boroughs), {@code size=1}. Only an {@code address}-layer feature counts as found: Pelias falls
 * back to a street or a neighbourhood when it cannot place the building. It gives coordinates,
 * BBL and BIN; {@code msg} holds Pelias' match type and {@code msg2} its accuracy.
 */
public final class GeoSearchGeocoder extends PerAddressGeocoder {
  public static final String NAME = "geosearch";
  private static final String ADDRESS_LAYER = "address";

  private final URI base;

  public GeoSearchGeocoder(HttpCaller caller, URI base, String release) {
    super(caller, release);
    this.base = base;
  }

  @Override
  HttpRequest.Builder request(PreparedAddress address) {
    return HttpRequest.newBuilder(uri(base, "/search", "text", address.oneLine(), "size", "1"))
        .GET()
        .header("Accept", "application/json");
  }

  @Override
  GeocodeResult parse(PreparedAddress address, int status, String body) throws MalformedResponseException {
    if (status != 200) {
      throw new MalformedResponseException("HTTP " + status);
    }
    JsonNode features = json(body).get("features");
    if (features == null || !features.isArray()) {
      throw new MalformedResponseException("no features array");
    }
    if (features.isEmpty()) {
      return answer(GeocodeColumns.inputs(address).status(GeocodeColumns.ERROR).msg("no match"));
    }
    JsonNode feature = features.get(0);
    JsonNode properties = feature.path("properties");
    String layer = text(properties, "layer");
    if (!ADDRESS_LAYER.equals(layer)) {
      return answer(GeocodeColumns.inputs(address).status(GeocodeColumns.ERROR).msg("no address match").msg2(layer));
    }
    JsonNode coordinates = feature.path("geometry").path("coordinates");
    JsonNode pad = properties.path("addendum").path("pad");
    String borough = text(properties, "borough");
    return answer(
        GeocodeColumns.inputs(address)
            .status(GeocodeColumns.SUCCESS)
            .sname(text(properties, "street"))
            .hnum(text(properties, "housenumber"))
            .boro(borough == null ? null : borough.toUpperCase(Locale.ROOT))
            .bbl(firstId(pad.get("bbl"), properties.get("pad_bbl"), 10))
            .bin(firstId(pad.get("bin"), properties.get("pad_bin"), 7))
            .msg(text(properties, "match_type"))
            .msg2(text(properties, "accuracy"))
            .coordinates(Numbers.decimal(coordinates.get(1)), Numbers.decimal(coordinates.get(0))));
  }

  private GeocodeResult answer(GeocodeColumns.Builder columns) {
    return GeocodeResult.answered(columns.build(), name(), release());
  }

  private static String firstId(JsonNode value, JsonNode flat, int digits) {
    String id = Numbers.digits(value, digits);
    return id != null ? id : Numbers.digits(flat, digits);
  }
}
