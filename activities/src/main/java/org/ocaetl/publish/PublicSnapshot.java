package org.ocaetl.publish;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
 * its badge. Everything is read in one REPEATABLE READ snapshot, so the files agree with each other
 * even while a promotion commits meanwhile; no CSV is ever held in memory.
 *
 * <p>Through the store, each CSV is assembled from parts by filed year of the case, of which only
 * the parts changed since the last publish are exported again ({@link PartedExport},
 * docs/storage.md#published-parts); publishes of one schema then take turns ({@link PublishLock}).
 * On RDS ({@link S3QueryExporter}) every CSV is exported whole, with the same bytes. The date file
 * and badge are always written through the store.
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
  private static final SqlIdentifier OCA_INDEX = tableName(OcaTable.OCA_INDEX);
  private static final SqlIdentifier OCA_ADDRESSES = tableName(OcaTable.OCA_ADDRESSES);
  private static final SqlIdentifier OCA_METADATA = tableName(OcaTable.OCA_METADATA);
  private static final SqlIdentifier PUBLIC_ADDRESS_VIEW = SqlIdentifier.of("oca_addresses_public");
  private static final List<SqlIdentifier> PUBLIC_ADDRESS_COLUMNS =
      identifiers(List.of("indexnumberid", "city", "state", "postalcode"));

  private static final List<SqlIdentifier> WITH_BBL_COLUMNS =
      identifiers(List.of("indexnumberid", "city", "state", "postalcode", "borough_code", "place_name", "boro", "cd",
          "ct", "bct2020", "bctcb2020", "ct2010", "cb2010", "council", "grc", "grc2", "msg", "msg2", "unitsres", "bbl"));
  private static final List<SqlIdentifier> WITH_CT_COLUMNS =
      identifiers(List.of("indexnumberid", "geoid", "countyfp", "city", "state", "postalcode"));

  private final DataSource dataSource;
  private final ObjectStore store;
  private final LevelTwoViews views;
  /** Writes whole files (RDS); null: files are assembled from parts through the store. */
  private final RelationExporter wholeFiles;

  /** A snapshot publisher that applies no grants and writes every CSV from parts through the store. */
  public PublicSnapshot(DataSource dataSource, ObjectStore store) {
    this(dataSource, store, List.of());
  }

  /** Redefines the level-2 views and applies {@code grants} first; CSVs from parts through the store. */
  public PublicSnapshot(DataSource dataSource, ObjectStore store, List<Grant> grants) {
    this(dataSource, store, grants, null);
  }

  /** The CSVs are written whole by {@code exporter} (e.g. {@link S3QueryExporter} on RDS). */
  public PublicSnapshot(DataSource dataSource, ObjectStore store, RelationExporter exporter) {
    this(dataSource, store, List.of(), Objects.requireNonNull(exporter, "exporter"));
  }

  /**
   * A snapshot publisher that redefines the level-2 views and applies {@code grants} first, then
   * has {@code exporter} write whole CSVs, or assembles them from parts through the store when it
   * is null.
   */
  public PublicSnapshot(
      DataSource dataSource, ObjectStore store, List<Grant> grants, RelationExporter exporter) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.store = Objects.requireNonNull(store, "store");
    this.views = new LevelTwoViews(dataSource, grants);
    this.wholeFiles = exporter;
  }

  /** Publishes, exporting only the parts changed since the last publish. */
  public SnapshotResult publish(String schema) throws SQLException, IOException {
    return publish(schema, false);
  }

  /**
   * Publishes; with {@code fullExport} (a republish) every part of every file is exported again,
   * whatever the marks say.
   */
  public SnapshotResult publish(String schema, boolean fullExport) throws SQLException, IOException {
    long started = System.nanoTime();
    List<Export> exports = exports(views.rebuild(schema));
    SqlIdentifier schemaName = SqlIdentifier.of(schema);
    Exported exported;
    if (wholeFiles != null) {
      exported = exportInOneSnapshot(schemaName, exports, c -> (conn, e) -> wholeFiles.export(conn, e.key(), e.rows()));
    } else {
      try (PublishLock lock = PublishLock.acquire(dataSource, schemaName)) {
        DirtyParts[] dirty = new DirtyParts[1];
        exported = exportInOneSnapshot(schemaName, exports, c -> {
          dirty[0] = DirtyParts.read(c);
          return new PartedExport(store, dirty[0], schemaVersion(c), fullExport)::export;
        });
        dirty[0].clear(dataSource, schemaName); // only now: a publish that failed leaves its marks
      }
    }
    Map<String, Long> rows = new LinkedHashMap<>(exported.rows());
    LocalDate dataDate = exported.dataDate();
    // The date files go last: a reader who sees the new date also finds the new tables.
    if (dataDate != null) {
      writeText(StoreKeys.published(DATE_FILE), "text/plain; charset=utf-8", dataDate + "\n");
      rows.put(StoreKeys.published(DATE_FILE), 1L);
      writeText(StoreKeys.published(BADGE_FILE), "image/svg+xml", ShieldBadge.svg(dataDate));
      rows.put(StoreKeys.published(BADGE_FILE), 0L);
    } else {
      LOG.warn("Schema {} has no promoted file yet: no data date or badge published", schema);
    }
    long elapsed = (System.nanoTime() - started) / 1_000_000;
    LOG.info("Published {} objects of schema {} (data date {}) in {} ms", rows.size(), schema, dataDate, elapsed);
    return new SnapshotResult(Collections.unmodifiableMap(rows), dataDate, elapsed);
  }

  /** The rows per CSV and the data date of one snapshot. */
  private record Exported(Map<String, Long> rows, LocalDate dataDate) {}

  /** How the files of a snapshot are written, given the snapshot's first connection. */
  @FunctionalInterface
  private interface ExportsIn {
    SnapshotExports.FileExport in(Connection snapshot) throws SQLException;
  }

  private Exported exportInOneSnapshot(SqlIdentifier schema, List<Export> exports, ExportsIn how)
      throws SQLException, IOException {
    try (Connection c = SchemaSession.beginSnapshot(dataSource, schema)) {
      Map<String, Long> rows = new SnapshotExports(dataSource, schema, how.in(c), EXPORT_CONNECTIONS).run(c, exports);
      LocalDate dataDate = PromotedFiles.latestExtractDate(c).orElse(null);
      c.rollback(); // read-only snapshot: nothing to commit
      return new Exported(rows, dataDate);
    }
  }

  private static String schemaVersion(Connection snapshot) throws SQLException {
    try (Statement st = snapshot.createStatement();
        ResultSet rs = st.executeQuery(SqlResource.of("sql/publish/schema_version.sql").render())) {
      rs.next();
      return rs.getString(1);
    }
  }

  private void writeText(String key, String contentType, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    store.write(key, contentType, out -> out.write(bytes));
  }

  /**
   * One published object: its key, the table or view it holds, the columns its rows are sorted by
   * (all of them), and the table whose marks make its parts dirty besides oca_index's.
   */
  record Export(String key, SqlIdentifier relation, List<SqlIdentifier> orderColumns, SqlIdentifier markedBy) {
    /** The relation as r with its case's filed date as i.oca_fileddate (part_source*.sql). */
    SqlResource source() {
      if (relation.equals(OCA_INDEX)) {
        return SqlResource.of("sql/publish/part_source_index.sql");
      }
      // oca_metadata is the one published relation with rows of ids that have no oca_index row
      return relation.equals(OCA_METADATA)
          ? SqlResource.of("sql/publish/part_source_tombstones.sql")
          : SqlResource.of("sql/publish/part_source.sql").with("relation", relation);
    }

    /** All rows in file order (relation_rows.sql). */
    SqlResource rows() {
      return SqlResource.of("sql/publish/relation_rows.sql").with("source", source()).with("order_columns", orderColumns);
    }
  }

  /**
   * Every object of a publish (docs/tables.md#published-files), given the level-2 views the schema has: the data
   * tables and oca_metadata, the address views under public/ (no street address, docs/processing-rules.md#rule-15), the full
   * address table (with geom where present) only under private/.
   */
  static List<Export> exports(List<SqlIdentifier> levelTwoViews) {
    List<Export> exports = new ArrayList<>();
    for (OcaTable table : OcaTable.values()) {
      if (table != OcaTable.OCA_ADDRESSES) {
        exports.add(new Export(
            StoreKeys.published(table.csvName()), tableName(table), SqlIdentifier.columnsOf(table), tableName(table)));
      }
    }
    exports.add(new Export(
        StoreKeys.published(OcaTable.OCA_ADDRESSES.csvName()), PUBLIC_ADDRESS_VIEW, PUBLIC_ADDRESS_COLUMNS,
        OCA_ADDRESSES));
    if (levelTwoViews.contains(LevelTwoViews.WITH_BBL)) {
      exports.add(new Export(StoreKeys.published("oca_addresses_with_bbl.csv"), LevelTwoViews.WITH_BBL, WITH_BBL_COLUMNS,
          OCA_ADDRESSES));
    }
    if (levelTwoViews.contains(LevelTwoViews.WITH_CT)) {
      exports.add(new Export(StoreKeys.published("oca_addresses_with_ct.csv"), LevelTwoViews.WITH_CT, WITH_CT_COLUMNS,
          OCA_ADDRESSES));
    }
    exports.add(new Export(
        PRIVATE_ADDRESSES_KEY, OCA_ADDRESSES, SqlIdentifier.columnsOf(OcaTable.OCA_ADDRESSES), OCA_ADDRESSES));
    return List.copyOf(exports);
  }

  private static SqlIdentifier tableName(OcaTable table) {
    return SqlIdentifier.of(table.tableName());
  }

  private static List<SqlIdentifier> identifiers(List<String> names) {
    return names.stream().map(SqlIdentifier::of).toList();
  }
}
