package org.ocaetl.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.ocaetl.db.Grant;
import org.ocaetl.db.SchemaSession;
import org.ocaetl.db.SqlIdentifier;
import org.ocaetl.db.SqlResource;
import org.ocaetl.model.OcaTable;
import org.ocaetl.schema.PromotedFiles;
import org.ocaetl.store.ObjectStore;
import org.ocaetl.store.StoreKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a complete snapshot of one schema to the object store (docs/tables.md#published-files): every data table
 * except oca_addresses plus oca_metadata under {@code public/}, the level-1 address view as
 * {@code public/oca_addresses.csv}, the level-2 views ({@link LevelTwoViews}, redefined first),
 * the full address table only under {@code private/exports/} (docs/processing-rules.md#rule-15), then the data date and
 * its badge, and last the status page ({@link StatusPage}). Everything is read in one REPEATABLE READ snapshot, so the files agree with each other
 * even while a promotion commits meanwhile; each CSV is written by a {@link RelationExporter}
 * (streamed through the worker into the store, or by RDS itself), never held in memory. The date
 * file and badge are always written through the store.
 */
public final class PublicSnapshot {
  /** The full address table (street addresses, geocodes): private prefix only. */
  public static final String PRIVATE_ADDRESSES_KEY =
      StoreKeys.PRIVATE + "exports/oca_addresses_private.csv";

  static final String DATE_FILE = StoreKeys.DATE_FILE;
  static final String BADGE_FILE = StoreKeys.BADGE_FILE;

  private static final Logger LOG = LoggerFactory.getLogger(PublicSnapshot.class);
  /** Connections sharing the snapshot; two use two database cores (docs/benchmarks.md). */
  private static final int EXPORT_CONNECTIONS = 2;
  private static final String CSV = "text/csv; charset=utf-8";
  private static final SqlIdentifier PUBLIC_ADDRESS_VIEW = SqlIdentifier.of("oca_addresses_public");
  private static final List<SqlIdentifier> PUBLIC_ADDRESS_COLUMNS =
      identifiers(List.of("indexnumberid", "city", "state", "postalcode"));

  private static final List<SqlIdentifier> WITH_BBL_COLUMNS =
      identifiers(List.of("indexnumberid", "city", "state", "postalcode", "borough_code", "place_name", "boro", "cd",
          "ct", "bct2020", "bctcb2020", "ct2010", "cb2010", "council", "grc", "grc2", "msg", "msg2", "unitsres", "bbl"));
  /** One row per live case (docs/tables.md#oca_case_summary); its id is unique, so it alone orders the rows. */
  static final SqlIdentifier CASE_SUMMARY = SqlIdentifier.of("oca_case_summary");
  private static final List<SqlIdentifier> WITH_CT_COLUMNS =
      identifiers(List.of("indexnumberid", "geoid", "countyfp", "city", "state", "postalcode"));

  private final DataSource dataSource;
  private final ObjectStore store;
  private final LevelTwoViews views;
  private final RelationExporter exporter;

  /** A snapshot publisher that applies no grants and streams every CSV through the store. */
  public PublicSnapshot(DataSource dataSource, ObjectStore store) {
    this(dataSource, store, List.of(), new StoreRelationExporter(store));
  }

  /** Redefines the level-2 views and applies {@code grants} first; CSVs streamed through the store. */
  public PublicSnapshot(DataSource dataSource, ObjectStore store, List<Grant> grants) {
    this(dataSource, store, grants, new StoreRelationExporter(store));
  }

  /** The CSVs are written by {@code exporter} (e.g. {@link S3QueryExporter} on RDS). */
  public PublicSnapshot(DataSource dataSource, ObjectStore store, RelationExporter exporter) {
    this(dataSource, store, List.of(), exporter);
  }

  /**
   * A snapshot publisher that redefines the level-2 views and applies {@code grants} first, then
   * has {@code exporter} write the CSVs.
   */
  public PublicSnapshot(
      DataSource dataSource, ObjectStore store, List<Grant> grants, RelationExporter exporter) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.store = Objects.requireNonNull(store, "store");
    this.views = new LevelTwoViews(dataSource, grants);
    this.exporter = Objects.requireNonNull(exporter, "exporter");
  }

  public SnapshotResult publish(String schema) throws SQLException, IOException {
    long started = System.nanoTime();
    List<Export> exports = exports(views.rebuild(schema));
    Map<String, Long> rows = new LinkedHashMap<>();
    LocalDate dataDate;
    StatusPage page;
    SqlIdentifier schemaName = SqlIdentifier.of(schema);
    try (Connection c = SchemaSession.beginSnapshot(dataSource, schemaName)) {
      rows.putAll(new SnapshotExports(dataSource, schemaName, exporter, EXPORT_CONNECTIONS).run(c, exports));
      dataDate = PromotedFiles.latestExtractDate(c).orElse(null);
      page = StatusPage.read(c, store, dataDate);
      c.rollback(); // read-only snapshot: nothing to commit
    }
    // The date files go last: a reader who sees the new date also finds the new tables.
    if (dataDate != null) {
      writeText(StoreKeys.published(DATE_FILE), "text/plain; charset=utf-8", dataDate + "\n");
      rows.put(StoreKeys.published(DATE_FILE), 1L);
      writeText(StoreKeys.published(BADGE_FILE), "image/svg+xml", ShieldBadge.svg(dataDate));
      rows.put(StoreKeys.published(BADGE_FILE), 0L);
    } else {
      LOG.warn("Schema {} has no promoted file yet: no data date or badge published", schema);
    }
    // The page links every object written before it, so it comes after them all.
    writeText(StatusPage.KEY, "text/html; charset=utf-8", StatusPageHtml.render(page, rows, Instant.now()));
    rows.put(StatusPage.KEY, 0L);
    long elapsed = (System.nanoTime() - started) / 1_000_000;
    LOG.info("Published {} objects of schema {} (data date {}) in {} ms", rows.size(), schema, dataDate, elapsed);
    return new SnapshotResult(Collections.unmodifiableMap(rows), dataDate, elapsed);
  }

  private void writeText(String key, String contentType, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    store.write(key, contentType, out -> out.write(bytes));
  }

  /** One published object: its key, the table or view it holds, the columns its rows are sorted by. */
  record Export(String key, SqlIdentifier relation, List<SqlIdentifier> orderColumns) {}

  /**
   * Every object of a publish (docs/tables.md#published-files), given the level-2 views the schema has: the data
   * tables and oca_metadata, the address views under public/ (no street address, docs/processing-rules.md#rule-15), the full
   * address table (with geom where present) only under private/.
   */
  static List<Export> exports(List<SqlIdentifier> levelTwoViews) {
    List<Export> exports = new ArrayList<>();
    for (OcaTable table : OcaTable.values()) {
      if (table != OcaTable.OCA_ADDRESSES) {
        exports.add(new Export(StoreKeys.published(table.csvName()), tableName(table), SqlIdentifier.columnsOf(table)));
      }
    }
    exports.add(new Export(
        StoreKeys.published(OcaTable.OCA_ADDRESSES.csvName()), PUBLIC_ADDRESS_VIEW, PUBLIC_ADDRESS_COLUMNS));
    if (levelTwoViews.contains(LevelTwoViews.WITH_BBL)) {
      exports.add(new Export(StoreKeys.published("oca_addresses_with_bbl.csv"), LevelTwoViews.WITH_BBL, WITH_BBL_COLUMNS));
    }
    if (levelTwoViews.contains(LevelTwoViews.WITH_CT)) {
      exports.add(new Export(StoreKeys.published("oca_addresses_with_ct.csv"), LevelTwoViews.WITH_CT, WITH_CT_COLUMNS));
    }
    exports.add(new Export(
        StoreKeys.published(CASE_SUMMARY.name() + ".csv"), CASE_SUMMARY, List.of(SqlIdentifier.of("indexnumberid"))));
    exports.add(new Export(
        PRIVATE_ADDRESSES_KEY, tableName(OcaTable.OCA_ADDRESSES), SqlIdentifier.columnsOf(OcaTable.OCA_ADDRESSES)));
    return List.copyOf(exports);
  }

  private static SqlIdentifier tableName(OcaTable table) {
    return SqlIdentifier.of(table.tableName());
  }

  private static List<SqlIdentifier> identifiers(List<String> names) {
    return names.stream().map(SqlIdentifier::of).toList();
  }
}
