package org.ocaetl.publish;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.ocaetl.db.SqlIdentifier;
import org.ocaetl.db.SqlLiteral;
import org.ocaetl.db.SqlResource;
import org.ocaetl.model.Column;
import org.ocaetl.model.ColumnType;
import org.ocaetl.store.FileTrees;
import org.ocaetl.store.ObjectStore;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one published relation as {@code public/parquet/<name>.parquet} from the snapshot
 * (docs/design.md#typed-parquet): PostgreSQL streams the rows as a CSV into a local file (arrays
 * as JSON; from the same COPY as the published CSV where that passes through the worker), DuckDB
 * casts every column to its type and writes one zstd Parquet file, which is then uploaded. Dates
 * are DATE, timestamps TIMESTAMP, numerics DECIMAL(38, s) with s the column's largest scale in the
 * snapshot, arrays LIST&lt;VARCHAR&gt; with their NULL elements, booleans BOOLEAN. Nothing is held
 * in the heap; DuckDB works within {@link ParquetSettings#memoryLimit()} and spills to the work
 * directory.
 */
public final class ParquetExporter {
  /** The media type registered for Parquet (IANA, 2024). */
  public static final String CONTENT_TYPE = "application/vnd.apache.parquet";

  /** Names the JSON twin of a text[] column in the local CSV (a column position follows). */
  private static final String JSON_PREFIX = "json_of_column_";

  private static final Logger LOG = LoggerFactory.getLogger(ParquetExporter.class);

  private final ObjectStore store;
  private final ParquetSettings settings;

  public ParquetExporter(ObjectStore store, ParquetSettings settings) {
    this.store = Objects.requireNonNull(store, "store");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * Reads the rows from the snapshot a second time, for a CSV whose bytes the worker never sees (RDS
   * wrote it, {@link S3QueryExporter}): arrays come as JSON in place.
   *
   * @param snapshot the snapshot's connection, in its REPEATABLE READ transaction
   * @return rows written, and the file's size and hash, computed from the local file before its upload
   */
  public ExportedObject export(Connection snapshot, PublishedRelation relation) throws SQLException, IOException {
    long started = System.nanoTime();
    Path dir = workDirectory();
    try {
      Path csv = dir.resolve("rows.csv");
      List<SqlIdentifier> names = relation.columnNames();
      long rows = copyRows(snapshot, relation, csv);
      return writeAndUpload(snapshot, relation, dir, new LocalRows(csv, rows, names, names), started);
    } finally {
      FileTrees.deleteTree(dir);
    }
  }

  /**
   * Writes the relation's CSV through {@code csv} and, from the same rows, its Parquet twin: the
   * snapshot is read once. The COPY repeats each text[] column at its end as a JSON array; {@link
   * CsvTee} keeps those out of the published CSV and passes every byte to a local copy for DuckDB.
   *
   * @return what was written, by key: the CSV and the Parquet file
   */
  public Map<String, ExportedObject> exportWithCsv(
      Connection snapshot, PublishedRelation relation, StoreRelationExporter csv) throws SQLException, IOException {
    long started = System.nanoTime();
    Path dir = workDirectory();
    try {
      Path local = dir.resolve("rows.csv");
      SingleRead read = SingleRead.of(relation);
      ExportedObject published;
      try (OutputStream copy = new BufferedOutputStream(Files.newOutputStream(local), 1 << 16)) {
        published = csv.export(snapshot, relation.csvKey(), read.rows(), relation.columns().size(),
            read.localColumns().size(), copy);
      }
      ExportedObject parquet = writeAndUpload(
          snapshot, relation, dir, new LocalRows(local, published.rows(), read.localColumns(), read.sources()), started);
      Map<String, ExportedObject> written = new LinkedHashMap<>();
      written.put(relation.csvKey(), published);
      written.put(relation.parquetKey(), parquet);
      return written;
    } finally {
      FileTrees.deleteTree(dir);
    }
  }

  /**
   * The query of {@link #exportWithCsv}: the published columns, then each text[] column again as
   * JSON, named {@code json_of_column_<position in the local CSV>}.
   *
   * @param localColumns the columns of the local copy
   * @param sources per published column, the local column DuckDB reads it from
   */
  private record SingleRead(SqlResource rows, List<SqlIdentifier> localColumns, List<SqlIdentifier> sources) {
    static SingleRead of(PublishedRelation relation) {
      List<SqlIdentifier> names = relation.columnNames();
      List<SqlIdentifier> localColumns = new ArrayList<>(names);
      List<SqlIdentifier> sources = new ArrayList<>();
      List<SqlResource> json = new ArrayList<>();
      for (Column column : relation.columns()) {
        SqlIdentifier name = SqlIdentifier.of(column.name());
        if (column.type() == ColumnType.TEXT_ARRAY) {
          SqlIdentifier alias = SqlIdentifier.of(JSON_PREFIX + localColumns.size());
          json.add(SqlResource.of("sql/publish/parquet_column_array.sql").with("column", name).with("alias", alias));
          localColumns.add(alias);
          sources.add(alias);
        } else {
          sources.add(name);
        }
      }
      SqlResource rows = json.isEmpty()
          ? PublicSnapshot.rows(relation.source(), names)
          : SqlResource.of("sql/publish/relation_rows_with_json.sql").withAll("json_columns", json)
              .with("relation", relation.source()).with("order_columns", names);
      return new SingleRead(rows, localColumns, sources);
    }
  }

  private Path workDirectory() throws IOException {
    Files.createDirectories(settings.workDirectory());
    return Files.createTempDirectory(settings.workDirectory(), "publish-parquet-");
  }

  private ExportedObject writeAndUpload(
      Connection snapshot, PublishedRelation relation, Path dir, LocalRows rows, long started)
      throws SQLException, IOException {
    List<SqlResource> casts = casts(snapshot, relation, rows.sources());
    Path parquet = dir.resolve(relation.name() + ".parquet");
    writeParquet(dir, rows, casts, parquet);
    Files.delete(rows.csv()); // the upload needs the room less than the disk does
    PublishedFile file = PublishedFile.of(parquet);
    store.put(relation.parquetKey(), parquet, CONTENT_TYPE);
    LOG.info("Wrote {}: {} rows, {} bytes in {} ms",
        relation.parquetKey(), rows.count(), file.bytes(), (System.nanoTime() - started) / 1_000_000);
    return new ExportedObject(rows.count(), file);
  }

  /**
   * A local CSV with a header, as DuckDB reads it.
   *
   * @param columns the CSV's columns, in order
   * @param sources per published column, the CSV column holding its value (a text[] as JSON)
   */
  private record LocalRows(Path csv, long count, List<SqlIdentifier> columns, List<SqlIdentifier> sources) {}

  private static long copyRows(Connection snapshot, PublishedRelation relation, Path csv)
      throws SQLException, IOException {
    List<SqlResource> select = new ArrayList<>();
    for (Column column : relation.columns()) {
      SqlIdentifier name = SqlIdentifier.of(column.name());
      select.add(column.type() == ColumnType.TEXT_ARRAY
          ? SqlResource.of("sql/publish/parquet_column_array.sql").with("column", name).with("alias", name)
          : SqlResource.of("sql/publish/parquet_column.sql").with("column", name));
    }
    String sql = SqlResource.of("sql/publish/parquet_rows.sql")
        .withAll("select_list", select)
        .with("relation", relation.source())
        .with("order_columns", relation.columnNames())
        .render();
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(csv), 1 << 16)) {
      return snapshot.unwrap(PGConnection.class).getCopyAPI().copyOut(sql, out);
    }
  }

  /** The DuckDB select list: each column cast from text to its Parquet type. */
  private static List<SqlResource> casts(
      Connection snapshot, PublishedRelation relation, List<SqlIdentifier> sources) throws SQLException {
    List<SqlResource> casts = new ArrayList<>();
    for (int i = 0; i < relation.columns().size(); i++) {
      Column column = relation.columns().get(i);
      SqlIdentifier name = SqlIdentifier.of(column.name());
      if (column.type() == ColumnType.TEXT_ARRAY) {
        casts.add(SqlResource.of("sql/publish/parquet_cast_array.sql").with("column", name).with("source", sources.get(i)));
      } else {
        int scale = column.type() == ColumnType.NUMERIC ? decimalScale(snapshot, relation, name) : 0;
        casts.add(SqlResource.of("sql/publish/parquet_cast.sql")
            .with("column", name)
            .with("type", ParquetType.of(column.type(), scale)));
      }
    }
    return casts;
  }

  /** The scale that holds every value of a numeric column exactly; fails if no DECIMAL can. */
  private static int decimalScale(Connection snapshot, PublishedRelation relation, SqlIdentifier column)
      throws SQLException {
    String sql = SqlResource.of("sql/publish/numeric_scale.sql")
        .with("column", column)
        .with("relation", relation.source())
        .render();
    try (Statement st = snapshot.createStatement(); ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      int scale = rs.getInt(1);
      BigDecimal largest = rs.getBigDecimal(2);
      int integerDigits = Math.max(largest.precision() - largest.scale(), 0);
      if (scale + integerDigits > ParquetType.MAX_PRECISION) {
        throw new DecimalTooWideException(
            "Published relation " + relation.name() + ", column " + column.name() + ": a value with "
                + integerDigits + " integer digits and a scale of " + scale + " does not fit a Parquet DECIMAL of "
                + ParquetType.MAX_PRECISION + " digits; no Parquet file written");
      }
      return scale;
    }
  }

  private void writeParquet(Path dir, LocalRows rows, List<SqlResource> casts, Path parquet)
      throws SQLException {
    List<SqlResource> columns = rows.columns().stream()
        .map(c -> SqlResource.of("sql/publish/parquet_csv_column.sql").with("name", SqlLiteral.name(c)))
        .toList();
    String sql = SqlResource.of("sql/publish/parquet_copy.sql")
        .withAll("select_list", casts)
        .with("source", SqlLiteral.path(rows.csv()))
        .withAll("columns", columns)
        .with("target", SqlLiteral.path(parquet))
        .statement();
    Properties properties = new Properties();
    properties.setProperty("memory_limit", settings.memoryLimit());
    properties.setProperty("threads", "1");
    properties.setProperty("temp_directory", dir.resolve("spill").toAbsolutePath().toString());
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:", properties);
        Statement st = duckdb.createStatement()) {
      st.execute(sql);
    }
  }

  /** A number no Parquet DECIMAL holds exactly: retrying cannot help, the value or the code must change. */
  public static final class DecimalTooWideException extends IllegalStateException {
    DecimalTooWideException(String message) {
      super(message);
    }
  }
}
