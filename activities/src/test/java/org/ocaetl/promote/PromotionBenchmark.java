package org.ocaetl.promote;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ocaetl.db.SchemaSession;
import org.ocaetl.db.SqlIdentifier;
import org.ocaetl.db.SqlResource;
import org.ocaetl.model.OcaTable;
import org.ocaetl.store.LocalObjectStore;
import org.ocaetl.store.StoreKeys;
import org.ocaetl.testing.PostgresTestDatabase;
import org.postgresql.PGConnection;

/**
 * Manual benchmark (not a test; never run by surefire): promotes a weekly-sized file (~29.5k cases,
 * ~500k child rows) into a schema holding 1,000,000 cases (~17M child rows), prints timings and the
 * plans of the per-table deletes. Run from activities/ after {@code mvn test} (the surefire report carries the test classpath):
 *
 * <pre>
 * CP=$(grep -o 'name="surefire.test.class.path" value="[^"]*"' \
 *     target/surefire-reports/TEST-org.ocaetl.db.SqlIdentifierTest.xml | sed 's/.*value="//;s/"$//')
 * java -Xmx512m -cp "$CP" org.ocaetl.promote.PromotionBenchmark [cases, default 1000000] [keep]
 * </pre>
 *
 * Cases are generated with generate_series; the weekly file's CSVs are written with COPY ... TO, so
 * they follow the exporter's format exactly (HEADER MATCH checks their headers).
 */
public final class PromotionBenchmark {
  private static final String SCHEMA = "bench";

  /** One SELECT per table over {@code ids(n, v, kind, geocoded)}, columns in OcaTable order. */
  private static final Map<OcaTable, String> ROWS = new LinkedHashMap<>();

  static {
    String id = "'LT-' || lpad(n::text, 8, '0') AS indexnumberid";
    ROWS.put(OcaTable.OCA_INDEX, "SELECT " + id + ", 'Kings' AS court, date '2023-01-01' + n % 365 AS fileddate,"
        + " 'Residential' AS propertytype, 'Non-Payment' AS classification,"
        + " ARRAY['HP'] AS specialtydesignationtypes, 'Active ' || v AS status, NULL::date AS disposeddate,"
        + " NULL AS disposedreason, 'Petition' AS firstpaper, (n % 10000) + 0.50 AS primaryclaimtotal,"
        + " NULL::date AS dateofjurydemand FROM ids WHERE kind = 'version'");
    ROWS.put(OcaTable.OCA_CAUSES, "SELECT " + id + ", 'NonPayment ' || v AS causeofactiontype,"
        + " date '2023-01-01' AS interestfromdate, 1234.56 AS amount FROM ids WHERE kind = 'version'");
    ROWS.put(OcaTable.OCA_ADDRESSES, "SELECT " + id + ", n || ' Main St' AS street1, 'Apt ' || n % 50 AS street2,"
        + " 'Brooklyn' AS city, 'NY' AS state, '11201' AS postalcode,"
        + " CASE WHEN geocoded THEN 'success' END AS status, NULL AS house_number, NULL AS street_name,"
        + " NULL AS borough_code, NULL AS place_name, NULL AS sname, NULL AS hnum, NULL AS boro,"
        + " CASE WHEN geocoded THEN 40.6::real END AS lat, NULL AS bin,"
        + " CASE WHEN geocoded THEN (3000000000 + n)::text END AS bbl, NULL AS cd, NULL AS ct,"
        + " NULL AS council, NULL AS grc, NULL AS grc2, NULL AS msg, NULL AS msg2,"
        + " CASE WHEN geocoded THEN -73.9::real END AS lon, '11201' AS zip_code FROM ids WHERE kind = 'version'");
    ROWS.put(OcaTable.OCA_PARTIES, "SELECT " + id + ", 'Role ' || k || v AS role, 'Person' AS partytype,"
        + " 'Attorney' AS representationtype, 'false' AS undertenant"
        + " FROM ids, generate_series(1, 3) k WHERE kind = 'version'");
    ROWS.put(OcaTable.OCA_EVENTS, "SELECT " + id + ", 'Event ' || k || v AS eventname,"
        + " date '2023-02-01' + k AS fileddate, NULL AS feetype, ARRAY['Petitioner'] AS filingpartiesroles,"
        + " NULL AS answertype FROM ids, generate_series(1, 4) k WHERE kind = 'version'");
    ROWS.put(OcaTable.OCA_APPEARANCES, "SELECT " + id + ", n::bigint * 10 + k AS appearanceid,"
        + " timestamp '2023-03-01 09:30' + k * interval '1 day' AS appearancedatetime,"
        + " 'Purpose ' || v AS appearancepurpose, NULL AS appearancereason, 'Part A' AS appearancepart,"
        + " k AS motionsequence FROM ids, generate_series(1, 2) k WHERE kind = 'version'");
    ROWS.put(OcaTable.OCA_APPEARANCE_OUTCOMES, "SELECT " + id + ", n::bigint * 10 + k AS appearanceid,"
        + " 'Adjourned ' || v AS appearanceoutcometype, NULL AS outcomebasedontype"
        + " FROM ids, generate_series(1, 2) k WHERE kind = 'version'");
    ROWS.put(OcaTable.OCA_MOTIONS, "SELECT " + id + ", 1 AS sequence, 'Motion ' || v AS motiontype,"
        + " NULL AS primaryrelief, date '2023-04-01' AS fileddate, NULL::text[] AS filingpartiesroles,"
        + " NULL AS motiondecision, NULL::date AS motiondecisiondate FROM ids WHERE kind = 'version'");
    ROWS.put(OcaTable.OCA_DECISIONS, "SELECT " + id + ", 1 AS sequence, 'Motion' AS resultof,"
        + " '.....Key: ' || v AS highlight FROM ids WHERE kind = 'version'");
    ROWS.put(OcaTable.OCA_JUDGMENTS, "SELECT " + id + ", 1 AS sequence, NULL::int AS amendedfromjudgmentsequence,"
        + " 'Default ' || v AS judgmenttype, date '2023-05-01' AS fileddate,"
        + " timestamp '2023-05-02 10:00' AS entereddatetime, true AS withpossession,"
        + " NULL AS latestjudgmentstatus, NULL::date AS latestjudgmentstatusdate,"
        + " 5000.00 AS totaljudgmentamount, ARRAY['Petitioner'] AS creditorsroles,"
        + " ARRAY['Respondent'] AS debtorsroles FROM ids WHERE kind = 'version'");
    ROWS.put(OcaTable.OCA_WARRANTS, "SELECT " + id + ", 1 AS judgmentsequence, 'A' AS sequence,"
        + " 'Reason ' || v AS createdreason, NULL::date AS ordereddate, NULL AS issuancetype,"
        + " NULL::date AS issuancestayeddate, NULL::int AS issuancestayeddays, NULL::date AS issueddate,"
        + " NULL AS executiontype, NULL::date AS executionstayeddate, NULL::int AS executionstayeddays,"
        + " NULL::date AS marshalrequestdate, NULL::date AS marshalrequestrevieweddate,"
        + " NULL AS enforcementagency, NULL AS enforcementofficerdocketnumber,"
        + " ARRAY['Brooklyn'] AS propertiesonwarrantcities, ARRAY['NY'] AS propertiesonwarrantstates,"
        + " ARRAY['11201'] AS propertiesonwarrantpostalcodes, NULL::date AS amendeddate,"
        + " NULL::date AS vacateddate, NULL AS adultprotectiveservicesnumber, NULL::date AS returneddate,"
        + " NULL AS returnedreason, NULL::date AS executiondate FROM ids WHERE kind = 'version'");
    ROWS.put(OcaTable.OCA_METADATA, "SELECT " + id + ", d AS initialdate,"
        + " CASE WHEN kind = 'version' THEN d END AS updatedate,"
        + " CASE WHEN kind = 'delete' THEN d END AS deletedate FROM ids");
  }

  private PromotionBenchmark() {}

  public static void main(String[] args) throws Exception {
    int cases = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    boolean keep = args.length > 1 && args[1].equals("keep"); // leave the database for experiments
    Path storeDir = Files.createTempDirectory("oca-bench-store");
    LocalObjectStore store = new LocalObjectStore(storeDir);
    PostgresTestDatabase db = PostgresTestDatabase.create(PromotionBenchmark.class);
    try {
      SchemaMigrator.migrate(db.dataSource(), SCHEMA);
      long t0 = System.nanoTime();
      try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
        st.execute("SET search_path = " + SCHEMA);
        st.execute("SET maintenance_work_mem = '256MB'");
        st.execute("CREATE TEMP TABLE ids AS SELECT n, 'old'::text AS v, 'version'::text AS kind,"
            + " true AS geocoded, date '2024-01-05' AS d FROM generate_series(1, " + cases + ") n");
        for (var e : ROWS.entrySet()) {
          long t = System.nanoTime();
          st.execute("INSERT INTO " + e.getKey().tableName() + " " + e.getValue());
          System.out.printf("filled %-24s %6.1f s%n", e.getKey().tableName(), secs(t));
        }
        st.execute("INSERT INTO oca_promoted_files VALUES ('LandlordTenant.Initial.2024-01-05.zip',"
            + " '2024-01-05', '" + "0".repeat(64) + "', '{}', now(), 'bench', 'bench')");
      }
      try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
        st.execute("VACUUM ANALYZE"); // what autovacuum would have done on a long-lived database
      }
      System.out.printf("filled %d cases in %.1f s%n", cases, secs(t0));
      System.out.println(sizes(db));

      StagedFile weekly = writeWeeklyFile(db, store, "LandlordTenant.Incr.2024-06-01.zip", cases);
      explainDeletes(db, store, weekly);
      for (StagedFile f :
          List.of(weekly, copyAs(store, weekly, "LandlordTenant.Incr.2024-06-01.again.zip"))) {
        long t = System.nanoTime();
        PromotionResult r =
            new PromotionTransaction(db.dataSource(), SCHEMA, store)
                .promote(new PromotionRequest(List.of(f), "bench", "bench"));
        System.out.printf("promoted %s in %.2f s: %s%n", f.fileName(), secs(t), r.files().getFirst());
      }
    } finally {
      if (keep) {
        System.out.println("kept database " + db.name());
      } else {
        db.close();
      }
      try (var paths = Files.walk(storeDir)) {
        paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  /** 20k updates of existing cases, 8k new cases, 1.5k deletes; no geocodes (as staged). */
  private static StagedFile writeWeeklyFile(
      PostgresTestDatabase db, LocalObjectStore store, String fileName, int cases) throws Exception {
    int step = Math.max(3, cases / 21_500); // spreads updates and deletes over the existing ids
    try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement()) {
      st.execute("CREATE TEMP TABLE ids AS"
          + " SELECT " + step + " * i + 1 AS n, 'new'::text AS v, 'version'::text AS kind, false AS geocoded,"
          + "        date '2024-06-01' AS d FROM generate_series(0, 19999) i"
          + " UNION ALL SELECT " + cases + " + 1 + i, 'new', 'version', false, date '2024-06-01'"
          + "        FROM generate_series(0, 7999) i"
          + " UNION ALL SELECT " + step + " * i + 2, 'del', 'delete', false, date '2024-06-01'"
          + "        FROM generate_series(0, 1499) i");
      var copy = c.unwrap(PGConnection.class).getCopyAPI();
      for (var e : ROWS.entrySet()) {
        store.write(StoreKeys.stagedCsv(fileName, e.getKey()), "text/csv", out -> {
          try {
            copy.copyOut("COPY (" + e.getValue() + ") TO STDOUT (FORMAT csv, HEADER true)", out);
          } catch (SQLException ex) {
            throw new java.io.IOException(ex);
          }
        });
      }
    }
    long bytes = 0;
    for (String key : store.list(StoreKeys.staging(fileName))) {
      bytes += store.size(key).orElse(0L);
    }
    System.out.printf("weekly file: %.1f MB of CSV%n", bytes / 1e6);
    return new StagedFile(fileName, java.time.LocalDate.of(2024, 6, 1), HexFormat.of().formatHex(new byte[32]).replace('0', 'a'));
  }

  private static StagedFile copyAs(LocalObjectStore store, StagedFile f, String name) throws Exception {
    for (OcaTable t : OcaTable.values()) {
      try (var in = store.get(StoreKeys.stagedCsv(f.fileName(), t))) {
        store.put(StoreKeys.stagedCsv(name, t), in, "text/csv");
      }
    }
    return new StagedFile(name, f.extractDate(), f.sha256());
  }

  /** Loads the file as the promotion does and prints the plan of each per-table delete. */
  private static void explainDeletes(PostgresTestDatabase db, LocalObjectStore store, StagedFile f)
      throws Exception {
    try (Connection c = SchemaSession.begin(db.dataSource(), SqlIdentifier.of(SCHEMA))) {
      StageTables stage = StageTables.create(c, new CopyStageLoader(store));
      stage.load(f.fileName());
      try (Statement st = c.createStatement()) {
        st.executeQuery(SqlResource.of("sql/promote/classify_cases.sql").render()).close();
        stage.analyze(List.of(StageTables.CASE_DECISION));
        for (OcaTable child : OcaTable.CHILD_TABLES) {
          String delete = SqlResource.of("sql/promote/delete_case_rows.sql")
              .with("table", SqlIdentifier.of(child.tableName())).render();
          System.out.println("-- " + child.tableName());
          try (ResultSet rs = st.executeQuery("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) " + delete)) {
            while (rs.next()) {
              System.out.println("   " + rs.getString(1));
            }
          }
        }
      }
      c.rollback();
    }
  }

  private static String sizes(PostgresTestDatabase db) throws SQLException {
    try (Connection c = db.dataSource().getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT pg_size_pretty(pg_database_size(current_database())),"
            + " (SELECT sum(n_live_tup) FROM pg_stat_user_tables WHERE schemaname = '" + SCHEMA + "')")) {
      rs.next();
      return "database size " + rs.getString(1) + ", live rows " + rs.getString(2);
    }
  }

  private static double secs(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
