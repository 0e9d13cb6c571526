package org.ocaetl.geocode.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.ocaetl.csv.CsvReader;
import org.ocaetl.csv.CsvWriter;
import org.ocaetl.geocode.api.GeocodeColumns;
import org.ocaetl.geocode.api.GeocodeResult;
import org.ocaetl.geocode.api.GeocodeRun;
import org.ocaetl.geocode.api.Geocoder;
import org.ocaetl.geocode.api.Numbers;
import org.ocaetl.geocode.api.PreparedAddress;
import org.ocaetl.geocode.http.HttpCaller;
import org.ocaetl.geocode.http.MalformedResponseException;
import org.ocaetl.geocode.http.MultipartBody;
import org.ocaetl.geocode.http.ServiceUnavailableException;

/**
 * The US Census Bureau batch geocoder, {@code locations} return type (docs/geocoding.md#how-the-chain-works): a CSV of
 * at most 10,000 addresses per request, uploaded as multipart form data, answered with one quoted
 * CSV line per address in any order, joined back by id. Coordinates only (interpolated along
 * TIGER address ranges): {@code msg} is the match flag ({@code Match}, {@code No_Match}, {@code
 * Tie}) and {@code msg2} the match type ({@code Exact}, {@code Non_Exact}), as the predecessor
 * stored it; every other 1B column stays empty.
 */
public final class CensusBatchGeocoder implements Geocoder {
  public static final String NAME = "census";
  /** The service's limit of rows per file. */
  public static final int MAX_ROWS = 10_000;

  private static final String MATCH = "Match";

  private final HttpCaller caller;
  private final URI endpoint;
  private final String benchmark;
  private final int chunkRows;

  /**
   * @param base e.g. {@code https://geocoding.geo.census.gov/geocoder}
   * @param benchmark e.g. {@code Public_AR_Current}; also the release recorded with the results
   * @param chunkRows addresses per request, at most {@link #MAX_ROWS}
   */
  public CensusBatchGeocoder(HttpCaller caller, URI base, String benchmark, int chunkRows) {
    if (chunkRows < 1 || chunkRows > MAX_ROWS) {
      throw new IllegalArgumentException("Census chunk must be 1.." + MAX_ROWS + " rows: " + chunkRows);
    }
    this.caller = caller;
    this.endpoint = URI.create(base.toString().replaceAll("/+$", "") + "/locations/addressbatch");
    this.benchmark = benchmark;
    this.chunkRows = chunkRows;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String release() {
    return benchmark;
  }

  @Override
  public List<GeocodeResult> geocode(List<PreparedAddress> addresses, GeocodeRun run) throws InterruptedException {
    List<Future<List<GeocodeResult>>> chunks = new ArrayList<>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int from = 0; from < addresses.size(); from += chunkRows) {
        List<PreparedAddress> chunk = addresses.subList(from, Math.min(addresses.size(), from + chunkRows));
        chunks.add(threads.submit(() -> geocodeChunk(chunk, run)));
      }
      List<GeocodeResult> results = new ArrayList<>(addresses.size());
      for (Future<List<GeocodeResult>> chunk : chunks) {
        results.addAll(chunk.get());
      }
      return results;
    } catch (ExecutionException e) {
      throw new IllegalStateException("census failed on a chunk", e.getCause());
    }
  }

  private List<GeocodeResult> geocodeChunk(List<PreparedAddress> chunk, GeocodeRun run) throws InterruptedException {
    Map<Integer, GeocodeResult> byId = Map.of();
    if (run.allows(NAME)) {
      try {
        byId = caller.call(request(chunk), (status, body) -> parse(chunk, status, body), run.breaker(NAME),
            run.requests());
      } catch (ServiceUnavailableException e) {
        byId = Map.of();
      }
    }
    List<GeocodeResult> results = new ArrayList<>(chunk.size());
    for (int id = 0; id < chunk.size(); id++) {
      // An id missing from the answer was not geocoded: left for a later run, not cached.
      results.add(byId.getOrDefault(id, GeocodeResult.unavailable(NAME, benchmark)));
    }
    return results;
  }

  private HttpRequest.Builder request(List<PreparedAddress> chunk) {
    MultipartBody body =
        new MultipartBody()
            .field("benchmark", benchmark)
            .file("addressFile", "addresses.csv", "text/csv", inputCsv(chunk));
    return HttpRequest.newBuilder(endpoint)
        .header("Content-Type", body.contentType())
        .POST(body.publisher());
  }

  /** id, street line, city, state, ZIP: no header, no commas inside fields (the service splits on them). */
  static byte[] inputCsv(List<PreparedAddress> chunk) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(chunk.size() * 64);
    try (CsvWriter csv = new CsvWriter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8))) {
      for (int id = 0; id < chunk.size(); id++) {
        PreparedAddress a = chunk.get(id);
        csv.write(Integer.toString(id), plain(a.streetLine()),
            plain(a.boroughName() != null ? a.boroughName() : a.city()),
            plain(a.state() != null ? a.state() : "NY"), plain(a.zip()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private Map<Integer, GeocodeResult> parse(List<PreparedAddress> chunk, int status, String body)
      throws MalformedResponseException {
    if (status != 200) {
      throw new MalformedResponseException("HTTP " + status);
    }
    Map<Integer, GeocodeResult> byId = new HashMap<>();
    try (CsvReader csv = new CsvReader(new StringReader(body))) {
      String[] line;
      while ((line = csv.next()) != null) {
        Integer id = id(line, chunk.size());
        if (id != null && line.length >= 3) {
          GeocodeResult result = result(chunk.get(id), line);
          if (result != null) {
            byId.put(id, result);
          }
        }
      }
    } catch (IOException e) {
      throw new MalformedResponseException("not CSV");
    }
    if (byId.isEmpty()) {
      throw new MalformedResponseException("no result line");
    }
    return byId;
  }

  private GeocodeResult result(PreparedAddress address, String[] line) {
    String match = line[2];
    GeocodeColumns.Builder columns = GeocodeColumns.inputs(address).msg(match);
    if (MATCH.equals(match)) {
      String[] lonLat = line.length > 5 && line[5] != null ? line[5].split(",") : new String[0];
      if (lonLat.length != 2) {
        return null;
      }
      columns.status(GeocodeColumns.SUCCESS)
          .msg2(line.length > 3 ? line[3] : null)
          .coordinates(Numbers.decimal(lonLat[1]), Numbers.decimal(lonLat[0]));
    } else if ("No_Match".equals(match) || "Tie".equals(match)) {
      columns.status(GeocodeColumns.ERROR);
    } else {
      return null;
    }
    return GeocodeResult.answered(columns.build(), NAME, benchmark);
  }

  private static Integer id(String[] line, int size) {
    try {
      int id = Integer.parseInt(line[0] == null ? "" : line[0].strip());
      return id >= 0 && id < size ? id : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static String plain(String value) {
    return value == null ? null : value.replaceAll("[,\"\\r\\n]", " ").strip();
  }
}
