package org.ocaetl.devtools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.model.OcaTable;
import org.ocaetl.testing.PostgresDatabaseExtension;
import org.ocaetl.devtools.testing.DevCli;
import org.ocaetl.worker.testing.Cli;

/**
 * {@code oca bench --profile promotion} runs (tiny, so it says nothing about speed): the generated
 * weekly file is a real staged file that the promotion applies, and every delete plan is printed.
 */
class PromotionBenchmarkTest {
  @RegisterExtension
  static final PostgresDatabaseExtension postgres = new PostgresDatabaseExtension();

  @Test
  void promotesAGeneratedWeeklyFileTwiceIntoGeneratedCases(@TempDir Path work) throws Exception {
    Cli bench = DevCli.run("bench", "--profile", "promotion", "--base-cases", "2000", "--cases", "300",
        "--database-url", postgres.jdbcUrl(), "--work-dir", work.toString());

    assertEquals(0, bench.exitCode(), bench.toString());
    assertTrue(bench.out().contains("filled 2,000 cases in "), bench.out());
    assertTrue(bench.out().contains("weekly file: 200 updates, 80 new cases, 15 deletes, "), bench.out());
    for (OcaTable child : OcaTable.CHILD_TABLES) {
      // The delete counts the removed rows per id for the ledger (delete_case_rows.sql): a CTE under an insert.
      assertTrue(bench.out().contains("-- " + child.tableName() + "\n   Insert on net_row_counts "), bench.out());
      assertTrue(bench.out().contains("CTE removed\n       ->  Delete on " + child.tableName() + " "), bench.out());
    }
    assertTrue(bench.out().contains("promoted " + PromotionBenchmark.WEEKLY_FILE + " in "), bench.out());
    assertTrue(bench.out().contains("promoted " + PromotionBenchmark.WEEKLY_COPY + " in "), bench.out());
    assertEquals(3, count("oca_promoted_files"), "the generated Initial file, the weekly file and its copy");
    assertEquals(2000 + 80 - 15, count("oca_index"), "new cases added, deleted ones removed");
    assertTrue(!Files.exists(work.resolve("promotion/store")), "the staged CSVs are removed");
  }

  @Test
  void aDatabaseTooSmallForTheWeeklyFileIsAUsageError(@TempDir Path work) {
    Cli bench = DevCli.run("bench", "--profile", "promotion", "--base-cases", "100", "--cases", "300",
        "--database-url", postgres.jdbcUrl(), "--work-dir", work.toString());
    assertEquals(2, bench.exitCode(), bench.toString());
    assertTrue(bench.err().startsWith("--base-cases must be at least 645 for a weekly file of 300 cases"), bench.err());
  }

  private static long count(String table) throws Exception {
    try (Connection c = postgres.dataSource().getConnection(); Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT count(*) FROM " + PromotionBenchmark.SCHEMA + "." + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
