package org.ocaetl.geocode.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ocaetl.geocode.api.GeocodeResult;
import org.ocaetl.geocode.api.GeocodeRun;
import org.ocaetl.geocode.api.Geocoder;
import org.ocaetl.geocode.api.PreparedAddress;
import org.ocaetl.geocode.http.HttpCaller;
import org.ocaetl.geocode.http.MalformedResponseException;
import org.ocaetl.geocode.http.ServiceUnavailableException;

/**
 * A service asked one address per request (Geoclient, GeoSearch). The addresses of a batch run on
 * virtual threads; the {@link HttpCaller} bounds how many are in flight and paces them.
 */
abstract class PerAddressGeocoder implements Geocoder {
  static final ObjectMapper JSON = new ObjectMapper();

  private final HttpCaller caller;
  private final String release;

  PerAddressGeocoder(HttpCaller caller, String release) {
    this.caller = caller;
    this.release = release;
  }

  @Override
  public final String name() {
    return caller.service();
  }

  @Override
  public final String release() {
    return release;
  }

  abstract HttpRequest.Builder request(PreparedAddress address);

  /** The result of a response; a body without the documented shape throws. */
  abstract GeocodeResult parse(PreparedAddress address, int status, String body) throws MalformedResponseException;

  @Override
  public final List<GeocodeResult> geocode(List<PreparedAddress> addresses, GeocodeRun run)
      throws InterruptedException {
    List<Future<GeocodeResult>> pending = new ArrayList<>(addresses.size());
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (PreparedAddress address : addresses) {
        pending.add(threads.submit(() -> geocodeOne(address, run)));
      }
      List<GeocodeResult> results = new ArrayList<>(addresses.size());
      for (Future<GeocodeResult> result : pending) {
        results.add(result.get());
      }
      return results;
    } catch (ExecutionException e) {
      throw new IllegalStateException(name() + " failed on an address", e.getCause());
    }
  }

  private GeocodeResult geocodeOne(PreparedAddress address, GeocodeRun run) throws InterruptedException {
    if (!address.inNewYorkCity()) { // both per-address services are the city's own
      return GeocodeResult.declined(name(), release);
    }
    if (!run.allows(name())) {
      return GeocodeResult.unavailable(name(), release);
    }
    try {
      return caller.call(request(address), (status, body) -> parse(address, status, body), run.breaker(name()),
          run.requests());
    } catch (ServiceUnavailableException e) {
      return GeocodeResult.unavailable(name(), release);
    }
  }

  static JsonNode json(String body) throws MalformedResponseException {
    try {
      JsonNode node = JSON.readTree(body);
      if (node == null || !node.isObject()) {
        throw new MalformedResponseException("not a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new MalformedResponseException("not JSON");
    }
  }

  static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
  }

  static URI uri(URI base, String path, String... namesAndValues) {
    StringBuilder uri = new StringBuilder(base.toString().replaceAll("/+$", "")).append(path);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      uri.append(i == 0 ? '?' : '&').append(namesAndValues[i]).append('=').append(encode(namesAndValues[i + 1]));
    }
    return URI.create(uri.toString());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
