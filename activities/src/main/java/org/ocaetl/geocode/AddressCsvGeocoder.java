package org.ocaetl.geocode;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.ocaetl.csv.CsvReader;
import org.ocaetl.csv.CsvWriter;
import org.ocaetl.geocode.api.GeocodeColumns;
import org.ocaetl.geocode.api.GeocodeResult;
import org.ocaetl.geocode.api.GeocodeRun;
import org.ocaetl.geocode.api.Geocoder;
import org.ocaetl.geocode.api.PreparedAddress;
import org.ocaetl.model.Column;
import org.ocaetl.model.OcaTable;

/**
 * Geocodes a staged {@code oca_addresses.csv} by rewriting it, streaming: rows are read one at a
 * time, every {@code batchRows} rows the distinct addresses among them are geocoded together
 * (through the cache), and the rows are written to a new file that then replaces the old one.
 * Memory holds one batch, whatever the size of the file.
 *
 * <p>A found address gets the twenty geocoder columns; a miss gets the geocoder's status and
 * messages without coordinates; an address left UNAVAILABLE keeps empty columns. In the last two
 * cases the promotion keeps the coordinates the same address had before (docs/processing-rules.md#rule-14,
 * insert_addresses.sql) and the backfill tries again later. Rows that already have coordinates
 * (a retried activity) are left as they are.
 */
public final class AddressCsvGeocoder {
  private static final List<String> HEADER =
      OcaTable.OCA_ADDRESSES.columns().stream().map(Column::name).toList();
  private static final int LAT = HEADER.indexOf("lat");
  private static final int LON = HEADER.indexOf("lon");
  private static final int STREET1 = HEADER.indexOf("street1");
  private static final int CITY = HEADER.indexOf("city");
  private static final int STATE = HEADER.indexOf("state");
  private static final int POSTALCODE = HEADER.indexOf("postalcode");

  private final Geocoder geocoder;
  private final AddressPreparer preparer;
  private final int batchRows;

  /**
   * What a rewrite did (counts only: these go to logs, heartbeats and the staged report).
   *
   * @param rows address rows in the file
   * @param rowsGeocoded rows with coordinates afterwards
   * @param rowsMissed rows the geocoders answered they cannot place
   * @param rowsLeft rows left without an answer (service down, budget spent): the backfill's
   * @param addresses distinct addresses looked up (per batch)
   * @param cacheHits answers that came from the cache, or from a lookup of the same address another
   *     file had in flight
   * @param requests HTTP requests sent, retries included
   * @param stoppedBy why geocoding stopped early, or null
   */
  public record Report(
      long rows, long rowsGeocoded, long rowsMissed, long rowsLeft, long addresses, long cacheHits, long requests,
      String stoppedBy) {}

  public AddressCsvGeocoder(Geocoder geocoder, AddressPreparer preparer, int batchRows) {
    if (batchRows < 1) {
      throw new IllegalArgumentException("batchRows must be at least 1: " + batchRows);
    }
    this.geocoder = geocoder;
    this.preparer = preparer;
    this.batchRows = batchRows;
  }

  /**
   * Rewrites {@code csv} in place.
   *
   * @param progress told the report so far after each batch (e.g. an activity heartbeat)
   */
  public Report rewrite(Path csv, GeocodeRun run, Consumer<Report> progress) throws IOException, InterruptedException {
    Path next = csv.resolveSibling(csv.getFileName() + ".geocoding");
    Counts counts = new Counts();
    try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
        CsvReader in = new CsvReader(reader);
        BufferedWriter writer = Files.newBufferedWriter(next, StandardCharsets.UTF_8);
        CsvWriter out = new CsvWriter(writer)) {
      String[] header = in.next();
      if (header == null || !Arrays.asList(header).equals(HEADER)) {
        throw new IOException(csv.getFileName() + " does not have the oca_addresses columns");
      }
      out.write(header);
      List<String[]> batch = new ArrayList<>(batchRows);
      String[] row;
      while ((row = in.next()) != null) {
        if (row.length != HEADER.size()) {
          throw new IOException(csv.getFileName() + " row " + (counts.rows + batch.size() + 1) + " has "
              + row.length + " fields, expected " + HEADER.size());
        }
        batch.add(row);
        if (batch.size() == batchRows) {
          writeBatch(batch, run, out, counts);
          progress.accept(counts.report(run));
        }
      }
      writeBatch(batch, run, out, counts);
    }
    Files.move(next, csv, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    Report report = counts.report(run);
    progress.accept(report);
    return report;
  }

  private void writeBatch(List<String[]> batch, GeocodeRun run, CsvWriter out, Counts counts)
      throws IOException, InterruptedException {
    Map<String, PreparedAddress> distinct = new LinkedHashMap<>();
    List<String> rowKeys = new ArrayList<>(batch.size());
    for (String[] row : batch) {
      String key = null;
      if (row[LAT] == null || row[LON] == null) {
        Optional<PreparedAddress> address = preparer.prepare(row[STREET1], row[CITY], row[STATE], row[POSTALCODE]);
        if (address.isPresent()) {
          key = address.get().key();
          distinct.putIfAbsent(key, address.get());
        }
      }
      rowKeys.add(key);
    }
    List<PreparedAddress> addresses = List.copyOf(distinct.values());
    List<GeocodeResult> answers = addresses.isEmpty() ? List.of() : geocoder.geocode(addresses, run);
    Map<String, GeocodeResult> byKey = new LinkedHashMap<>();
    for (int i = 0; i < addresses.size(); i++) {
      byKey.put(addresses.get(i).key(), answers.get(i));
    }
    counts.addresses += addresses.size();
    for (int r = 0; r < batch.size(); r++) {
      String[] row = batch.get(r);
      GeocodeResult result = rowKeys.get(r) == null ? null : byKey.get(rowKeys.get(r));
      if (result != null && result.definitive()) {
        System.arraycopy(result.columns().csvValues(), 0, row, GeocodeColumns.FIRST_COLUMN, GeocodeColumns.NAMES.size());
      }
      counts.count(row, result);
      out.write(row);
    }
    batch.clear();
  }

  private static final class Counts {
    long rows;
    long geocoded;
    long missed;
    long left;
    long addresses;

    void count(String[] row, GeocodeResult result) {
      rows++;
      if (row[LAT] != null && row[LON] != null) {
        geocoded++;
      } else if (result != null && result.outcome() == GeocodeResult.Outcome.NOT_FOUND) {
        missed++;
      } else if (result != null && result.outcome() == GeocodeResult.Outcome.UNAVAILABLE) {
        left++;
      }
    }

    Report report(GeocodeRun run) {
      return new Report(rows, geocoded, missed, left, addresses, run.cacheHits(), run.requests().sum(),
          run.stoppedBy().orElse(null));
    }
  }
}
