package org.ocaetl.devtools.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.ocaetl.db.DatabaseUrl;
import org.ocaetl.db.SchemaSession;
import org.ocaetl.db.SqlIdentifier;
import org.ocaetl.db.SqlResource;
import org.ocaetl.model.OcaTable;
import org.ocaetl.promote.PromotionRequest;
import org.ocaetl.promote.PromotionResult;
import org.ocaetl.promote.PromotionTransaction;
import org.ocaetl.promote.StagedFile;
import org.ocaetl.schema.SchemaMigrator;
import org.ocaetl.store.FileTrees;
import org.ocaetl.store.LocalObjectStore;
import org.ocaetl.store.StoreKeys;
import org.ocaetl.devtools.local.LocalRun;
import org.postgresql.PGConnection;

/**
 * {@code oca bench --profile promotion}: the promotion alone, without extracts or Temporal. Fills
 * an empty schema with generated cases (about 17 child rows each; SQL, so a million take minutes,
 * not hours), writes the twelve staged CSVs of a weekly file with COPY ... TO, prints the plan of
 * each per-table delete of that file, then promotes it and an identical copy under another name
 * (which replaces the same cases again) and prints how long each took.
 */
final class PromotionBenchmark {
  static final String SCHEMA = "oca_promotion_bench";
  static final String BASE_FILE = "LandlordTenant.Initial.2024-01-05.zip";
  static final String WEEKLY_FILE = "LandlordTenant.Incr.2024-06-01.zip";
  static final String WEEKLY_COPY = "LandlordTenant.Incr.2024-06-01.again.zip";
  private static final LocalDate WEEKLY_DATE = LocalDate.of(2024, 6, 1);
  /** The weekly file measured so far (docs/benchmarks.md): of 30,000 cases, 20,000 updates, 8,000 new, 1,500 deletes. */
  private static final double UPDATES = 20_000 / 30_000.0;
  private static final double NEW_CASES = 8_000 / 30_000.0;
  private static final double DELETES = 1_500 / 30_000.0;
  /** Updates and deletes are spread over the database's cases at least this far apart, so they never meet. */
  private static final int MIN_SPREAD = 3;

  private final BenchSetup setup;
  private final PrintWriter out;

  PromotionBenchmark(BenchSetup setup) {
    this.setup = setup;
    this.out = setup.out();
  }

  /** The weekly file's composition for {@code cases} cases; IllegalArgumentException if the database is too small for it. */
  record Weekly(int updates, int newCases, int deletes, int spread) {
    static Weekly of(int cases, int baseCases) {
      int updates = (int) (cases * UPDATES);
      int deletes = (int) (cases * DELETES);
      int spread = baseCases / Math.max(1, updates + deletes);
      if (spread < MIN_SPREAD) {
        throw new IllegalArgumentException("--base-cases must be at least " + MIN_SPREAD * (updates + deletes)
            + " for a weekly file of " + cases + " cases (its " + (updates + deletes) + " updates and deletes name"
            + " existing cases " + MIN_SPREAD + " ids apart)");
      }
      return new Weekly(updates, (int) (cases * NEW_CASES), deletes, spread);
    }
  }

  /** Fills the schema with {@code baseCases} cases, then measures the {@code weekly} file. */
  void run(int baseCases, Weekly weekly) throws Exception {
    Path root = Files.createDirectories(setup.work().resolve("promotion"));
    Path storeDir = root.resolve("store");
    FileTrees.deleteTree(storeDir);
    try (LocalRun local = LocalRun.start(setup.databaseUrl(), root, setup.err())) {
      DataSource database = DatabaseUrl.parse(local.databaseUrl());
      try (Connection c = database.getConnection(); Statement st = c.createStatement()) {
        st.execute(SqlResource.of("sql/bench/drop_schema.sql").with("schema", SqlIdentifier.of(SCHEMA)).render());
      }
      SchemaMigrator.migrate(database, SCHEMA, setup.postgis());
      fill(database, baseCases);
      LocalObjectStore store = new LocalObjectStore(Files.createDirectories(storeDir));
      StagedFile file = writeWeeklyFile(database, store, baseCases, weekly);
      new DeletePlans(database, SqlIdentifier.of(SCHEMA), store, out).print(file.fileName());
      for (StagedFile f : List.of(file, copyAs(store, file, WEEKLY_COPY))) {
        long t = System.nanoTime();
        PromotionResult r = new PromotionTransaction(database, SCHEMA, store)
            .promote(new PromotionRequest(List.of(f), "bench", "bench"));
        out.printf(Locale.ROOT, "promoted %s in %.2f s: %s%n", f.fileName(), seconds(t), r.files().getFirst());
        out.flush();
      }
    } finally {
      FileTrees.deleteTree(storeDir);
    }
  }

  /** The database's cases, one table at a time, and the ledger row of the file they stand for. */
  private void fill(DataSource database, int baseCases) throws SQLException {
    long started = System.nanoTime();
    try (Connection c = SchemaSession.begin(database, SqlIdentifier.of(SCHEMA))) {
      try (Statement st = c.createStatement()) {
        st.execute(SqlResource.of("sql/bench/promotion/maintenance_work_mem.sql").render());
        st.execute(SqlResource.of("sql/bench/promotion/create_ids.sql").render());
      }
      execute(c, "sql/bench/promotion/base_ids.sql", baseCases);
      for (OcaTable table : OcaTable.values()) {
        long t = System.nanoTime();
        try (Statement st = c.createStatement()) {
          st.execute(SqlResource.of("sql/bench/promotion/insert_rows.sql")
              .with("table", SqlIdentifier.of(table.tableName()))
              .with("rows", rows(table))
              .render());
        }
        out.printf(Locale.ROOT, "filled %-24s %6.1f s%n", table.tableName(), seconds(t));
        out.flush();
      }
      try (PreparedStatement ps = c.prepareStatement(SqlResource.of("sql/bench/promotion/record_base_file.sql").render())) {
        ps.setString(1, BASE_FILE);
        ps.setObject(2, LocalDate.of(2024, 1, 5));
        ps.setString(3, "0".repeat(64));
        ps.execute();
      }
      c.commit();
    }
    vacuumAnalyze(database);
    out.printf(Locale.ROOT, "filled %,d cases in %.1f s%n", baseCases, seconds(started));
    out.println(sizes(database));
    out.flush();
  }

  private static void vacuumAnalyze(DataSource database) throws SQLException {
    List<SqlIdentifier> tables = new ArrayList<>();
    for (OcaTable table : OcaTable.values()) {
      tables.add(SqlIdentifier.of(table.tableName()));
    }
    tables.add(SqlIdentifier.of("oca_promoted_files"));
    try (Connection c = database.getConnection()) {
      try (PreparedStatement ps = c.prepareStatement(SqlResource.of("sql/bench/promotion/session_search_path.sql").render())) {
        ps.setString(1, SqlIdentifier.of(SCHEMA).quoted());
        ps.execute();
      }
      try (Statement st = c.createStatement()) {
        st.execute(SqlResource.of("sql/bench/promotion/vacuum_analyze.sql").with("tables", tables).render());
      }
    }
  }

  /** The weekly file's twelve CSVs, written by COPY ... TO into the store as the staging step would. */
  private StagedFile writeWeeklyFile(DataSource database, LocalObjectStore store, int baseCases, Weekly weekly)
      throws SQLException, IOException {
    try (Connection c = database.getConnection()) {
      try (Statement st = c.createStatement()) {
        st.execute(SqlResource.of("sql/bench/promotion/create_ids.sql").render());
      }
      execute(c, "sql/bench/promotion/weekly_ids.sql",
          weekly.spread(), weekly.updates(), baseCases, weekly.newCases(), weekly.spread(), weekly.deletes());
      var copy = c.unwrap(PGConnection.class).getCopyAPI();
      for (OcaTable table : OcaTable.values()) {
        String sql = SqlResource.of("sql/bench/promotion/copy_rows.sql").with("rows", rows(table)).render();
        store.write(StoreKeys.stagedCsv(WEEKLY_FILE, table), "text/csv", csv -> {
          try {
            copy.copyOut(sql, csv);
          } catch (SQLException e) {
            throw new IOException(e);
          }
        });
      }
    }
    long bytes = 0;
    for (String key : store.list(StoreKeys.staging(WEEKLY_FILE))) {
      bytes += store.size(key).orElse(0L);
    }
    out.printf(Locale.ROOT, "weekly file: %,d updates, %,d new cases, %,d deletes, %.1f MB of CSV%n",
        weekly.updates(), weekly.newCases(), weekly.deletes(), bytes / 1e6);
    out.flush();
    return new StagedFile(WEEKLY_FILE, WEEKLY_DATE, "a".repeat(64));
  }

  private static StagedFile copyAs(LocalObjectStore store, StagedFile f, String name) throws IOException {
    for (OcaTable t : OcaTable.values()) {
      try (var in = store.get(StoreKeys.stagedCsv(f.fileName(), t))) {
        store.put(StoreKeys.stagedCsv(name, t), in, "text/csv");
      }
    }
    return new StagedFile(name, f.extractDate(), f.sha256());
  }

  private static SqlResource rows(OcaTable table) {
    return SqlResource.of("sql/bench/promotion/rows/" + table.tableName() + ".sql");
  }

  private static void execute(Connection c, String resource, int... values) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SqlResource.of(resource).render())) {
      for (int i = 0; i < values.length; i++) {
        ps.setInt(i + 1, values[i]);
      }
      ps.execute();
    }
  }

  private static String sizes(DataSource database) throws SQLException {
    try (Connection c = database.getConnection();
        PreparedStatement ps = c.prepareStatement(SqlResource.of("sql/bench/promotion/sizes.sql").render())) {
      ps.setString(1, SCHEMA);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return "database size " + rs.getString(1) + ", live rows " + rs.getString(2);
      }
    }
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
