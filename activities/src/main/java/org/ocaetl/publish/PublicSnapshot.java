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
 * the case summary, the full address table only under {@code private/exports/}
 * (docs/processing-rules.md#rule-15); every public table and view also as typed Parquet
 * ({@link ParquetExporter}), then {@code public/datapackage.json} describing them ({@link DataPackage}),
 * then the status page linking them all ({@link StatusPage}), and last the data date and its badge.
 * Everything is read in one REPEATABLE READ snapshot, so the files agree with each other even while
 * a promotion commits meanwhile; each CSV is written by a {@link RelationExporter}
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

  private final DataSource dataSource;
  private final ObjectStore store;
  private final LevelTwoViews views;
  private final RelationExporter exporter;
  private final ParquetExporter parquet;

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

  /** As below, with the default Parquet settings. */
  public PublicSnapshot(
      DataSource dataSource, ObjectStore store, List<Grant> grants, RelationExporter exporter) {
    this(dataSource, store, grants, exporter, ParquetSettings.DEFAULTS);
  }

  /**
   * A snapshot publisher that redefines the level-2 views and applies {@code grants} first, then
   * has {@code exporter} write the CSVs and DuckDB, within {@code parquet}, the Parquet files.
   */
  public PublicSnapshot(
      DataSource dataSource, ObjectStore store, List<Grant> grants, RelationExporter exporter,
      ParquetSettings parquet) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.store = Objects.requireNonNull(store, "store");
    this.views = new LevelTwoViews(dataSource, grants);
    this.exporter = Objects.requireNonNull(exporter, "exporter");
    this.parquet = new ParquetExporter(store, parquet);
  }

  public SnapshotResult publish(String schema) throws SQLException, IOException {
    long started = System.nanoTime();
    List<PublishedRelation> relations = PublishedRelation.available(views.rebuild(schema));
    Map<String, ExportedObject> exported;
    LocalDate dataDate;
    StatusPage page;
    SqlIdentifier schemaName = SqlIdentifier.of(schema);
    try (Connection c = SchemaSession.beginSnapshot(dataSource, schemaName)) {
      Map<String, ExportedObject> written =
          new SnapshotExports(dataSource, schemaName, EXPORT_CONNECTIONS)
              .run(c, exports(ExportOrder.costliestFirst(c, relations)));
      exported = new LinkedHashMap<>();
      exportedKeys(relations).forEach(key -> exported.put(key, written.get(key)));
      dataDate = PromotedFiles.latestExtractDate(c).orElse(null);
      page = StatusPage.read(c, store, dataDate);
      c.rollback(); // read-only snapshot: nothing to commit
    }
    Map<String, Long> rows = new LinkedHashMap<>();
    exported.forEach((key, object) -> rows.put(key, object.rows()));
    byte[] descriptor = DataPackage.descriptor(relations, publishedFiles(relations, exported), dataDate);
    store.write(StoreKeys.published(DataPackage.FILE), DataPackage.CONTENT_TYPE, out -> out.write(descriptor));
    rows.put(StoreKeys.published(DataPackage.FILE), 0L);
    Map<String, Long> dateFiles = new LinkedHashMap<>();
    if (dataDate != null) {
      dateFiles.put(StoreKeys.published(DATE_FILE), 1L);
      dateFiles.put(StoreKeys.published(BADGE_FILE), 0L);
    } else {
      LOG.warn("Schema {} has no promoted file yet: no data date or badge published", schema);
    }
    // The page links every object of this publish: those written above and the date files below.
    Map<String, Long> linked = new LinkedHashMap<>(rows);
    linked.putAll(dateFiles);
    writeText(StatusPage.KEY, "text/html; charset=utf-8", StatusPageHtml.render(page, linked, Instant.now()));
    rows.put(StatusPage.KEY, 0L);
    // The date files go last: a reader who sees the new date also finds the new tables and page.
    if (dataDate != null) {
      writeText(StoreKeys.published(DATE_FILE), "text/plain; charset=utf-8", dataDate + "\n");
      writeText(StoreKeys.published(BADGE_FILE), "image/svg+xml", ShieldBadge.svg(dataDate));
      rows.putAll(dateFiles);
    }
    long elapsed = (System.nanoTime() - started) / 1_000_000;
    LOG.info("Published {} objects of schema {} (data date {}) in {} ms", rows.size(), schema, dataDate, elapsed);
    return new SnapshotResult(Collections.unmodifiableMap(rows), dataDate, elapsed);
  }

  /**
   * The size and hash of every public CSV and Parquet file: as their exports computed them from the
   * bytes they wrote, read back from the store only for what the worker never saw (RDS's CSVs).
   */
  private Map<String, PublishedFile> publishedFiles(List<PublishedRelation> relations,
      Map<String, ExportedObject> exported) throws IOException {
    Map<String, PublishedFile> files = new LinkedHashMap<>();
    for (PublishedRelation r : relations) {
      for (String key : List.of(r.csvKey(), r.parquetKey())) {
        PublishedFile written = exported.get(key).file();
        files.put(key, written != null ? written : PublishedFile.read(store, key));
      }
    }
    return files;
  }

  private void writeText(String key, String contentType, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    store.write(key, contentType, out -> out.write(bytes));
  }

  /** One export of a publish: writes one or more objects from the snapshot's connection. */
  @FunctionalInterface
  interface Export {
    /** What each object written got, by key. */
    Map<String, ExportedObject> write(Connection snapshot) throws SQLException, IOException;
  }

  /**
   * Every object of a publish (docs/tables.md#published-files): each published relation as CSV and
   * as Parquet (no street address, docs/processing-rules.md#rule-15), then the full address table
   * (with geom where present) only under private/. Where the CSV passes through the worker, its
   * Parquet twin is written from the same read of the snapshot; where RDS writes the CSV itself,
   * the Parquet file reads the rows again.
   */
  private List<Export> exports(List<PublishedRelation> relations) {
    List<Export> exports = new ArrayList<>();
    for (PublishedRelation r : relations) {
      if (exporter instanceof StoreRelationExporter streamed) {
        exports.add(c -> parquet.exportWithCsv(c, r, streamed));
      } else {
        exports.add(csv(r.csvKey(), r.source(), r.columnNames()));
        exports.add(c -> Map.of(r.parquetKey(), parquet.export(c, r)));
      }
    }
    OcaTable addresses = OcaTable.OCA_ADDRESSES;
    exports.add(csv(PRIVATE_ADDRESSES_KEY, SqlIdentifier.of(addresses.tableName()), SqlIdentifier.columnsOf(addresses)));
    return List.copyOf(exports);
  }

  /**
   * The keys of a publish's exports in the order the result lists them: every CSV, every Parquet
   * file, the private address table.
   */
  private static List<String> exportedKeys(List<PublishedRelation> relations) {
    List<String> keys = new ArrayList<>();
    relations.forEach(r -> keys.add(r.csvKey()));
    relations.forEach(r -> keys.add(r.parquetKey()));
    keys.add(PRIVATE_ADDRESSES_KEY);
    return keys;
  }

  private Export csv(String key, SqlIdentifier relation, List<SqlIdentifier> orderColumns) {
    SqlResource rows = rows(relation, orderColumns);
    return c -> Map.of(key, exporter.export(c, key, rows));
  }

  /** The rows of one published CSV, relation_rows.sql. */
  static SqlResource rows(SqlIdentifier relation, List<SqlIdentifier> orderColumns) {
    return SqlResource.of("sql/publish/relation_rows.sql").with("relation", relation).with("order_columns", orderColumns);
  }
}
