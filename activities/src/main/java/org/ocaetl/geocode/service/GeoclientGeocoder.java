package org.ocaetl.geocode.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Set;
import org.ocaetl.geocode.api.GeocodeColumns;
import org.ocaetl.geocode.api.GeocodeResult;
import org.ocaetl.geocode.api.Numbers;
import org.ocaetl.geocode.api.PreparedAddress;
import org.ocaetl.geocode.http.HttpCaller;
import org.ocaetl.geocode.http.MalformedResponseException;

/**
 * NYC Geoclient v2 (docs/geocoding.md#how-the-chain-works): Geosupport function 1B over HTTP, the same function the
 * predecessor called in-process, so its columns map one to one. {@code /address} with house
 * number, street and ZIP code (or borough when the ZIP code is not a city one); {@code /search}
 * with one line when there is no house number. The key goes in the {@code
 * Ocp-Apim-Subscription-Key} header, never in a URL or a log.
 */
public final class GeoclientGeocoder extends PerAddressGeocoder {
  public static final String NAME = "geoclient";
  private static final Set<String> SUCCESS_CODES = Set.of("00", "01");
  private static final String EXACT_MATCH = "EXACT_MATCH";

  private final URI base;
  private final String key;

  public GeoclientGeocoder(HttpCaller caller, URI base, String key, String release) {
    super(caller, release);
    this.base = base;
    this.key = key;
  }

  @Override
  HttpRequest.Builder request(PreparedAddress address) {
    URI uri;
    if (address.houseNumber() == null) {
      uri = uri(base, "/search", "input", address.oneLine());
    } else if (address.zipInCity()) {
      uri = uri(base, "/address", "houseNumber", address.houseNumber(), "street", address.street(), "zip", address.zip());
    } else {
      uri = uri(base, "/address", "houseNumber", address.houseNumber(), "street", address.street(),
          "borough", address.boroughName());
    }
    return HttpRequest.newBuilder(uri).GET()
        .header("Ocp-Apim-Subscription-Key", key)
        .header("Accept", "application/json");
  }

  @Override
  GeocodeResult parse(PreparedAddress address, int status, String body) throws MalformedResponseException {
    if (status == 400) {
      // A parameter Geoclient refuses (e.g. a street it cannot read): asking again gives the same answer.
      return answer(GeocodeColumns.inputs(address).status(GeocodeColumns.ERROR).msg("HTTP 400: request rejected"));
    }
    if (status != 200) {
      throw new MalformedResponseException("HTTP " + status);
    }
    JsonNode root = json(body);
    if (address.houseNumber() != null) {
      JsonNode fields = root.get("address");
      if (fields == null || !fields.isObject()) {
        throw new MalformedResponseException("no address object");
      }
      return answer(columns(address, fields));
    }
    JsonNode results = root.get("results");
    if (results == null || !results.isArray()) {
      throw new MalformedResponseException("no results array");
    }
    if (results.isEmpty()) {
      return answer(GeocodeColumns.inputs(address).status(GeocodeColumns.ERROR).msg("no match"));
    }
    JsonNode first = results.get(0);
    String matchStatus = text(first, "status");
    JsonNode response = first.get("response");
    if (!EXACT_MATCH.equals(matchStatus) || response == null || !response.isObject()) {
      // POSSIBLE_MATCH results are guesses at another interpretation of the line: not used.
      return answer(GeocodeColumns.inputs(address).status(GeocodeColumns.ERROR).msg("no exact match")
          .msg2(matchStatus));
    }
    return answer(columns(address, response));
  }

  /** The flat 1B fields (docs/tables.md#oca_addresses: the geocoder columns); coordinates only when Geosupport accepted the address. */
  static GeocodeColumns.Builder columns(PreparedAddress address, JsonNode f) {
    String grc = firstText(f, "geosupportReturnCode", "returnCode1e");
    String grc2 = firstText(f, "geosupportReturnCode2", "returnCode1a");
    boolean success = grc != null && SUCCESS_CODES.contains(grc.strip());
    GeocodeColumns.Builder columns =
        GeocodeColumns.inputs(address)
            .status(success ? GeocodeColumns.SUCCESS : GeocodeColumns.ERROR)
            .sname(text(f, "firstStreetNameNormalized"))
            .hnum(text(f, "houseNumber"))
            .boro(text(f, "firstBoroughName"))
            .bin(text(f, "buildingIdentificationNumber"))
            .bbl(text(f, "bbl"))
            .cd(text(f, "communityDistrict"))
            .ct(text(f, "censusTract2010"))
            .council(text(f, "cityCouncilDistrict"))
            .grc(grc)
            .grc2(grc2)
            .msg(text(f, "message"))
            .msg2(text(f, "message2"));
    if (success) {
      columns.coordinates(Numbers.decimal(f.get("latitude")), Numbers.decimal(f.get("longitude")));
    }
    return columns;
  }

  private GeocodeResult answer(GeocodeColumns.Builder columns) {
    return GeocodeResult.answered(columns.build(), name(), release());
  }

  private static String firstText(JsonNode node, String field, String alias) {
    String value = text(node, field);
    return value != null ? value : text(node, alias);
  }
}
