package org.ocaetl.stage;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.duckdb.DuckDBConnection;
import org.ocaetl.db.SqlResource;
import org.ocaetl.parse.ExtractDate;
import org.ocaetl.parse.ExtractFileException;
import org.ocaetl.parse.ExtractDrift;
import org.ocaetl.parse.ExtractReader;
import org.ocaetl.parse.ParsedElement;
import org.ocaetl.parse.RejectedCase;

/**
 * Streams a raw zip's LandlordTenantExtract.xml into a DuckDB staging file: each Index is read
 * into a small tree on the calling thread; a {@link StagingPipeline} converts the trees in Java (a
 * bad value fails that case alone, docs/processing-rules.md#rule-8) and appends them in document order ({@code case_seq})
 * on a writer thread. Which version of an id wins (its last occurrence, docs/processing-rules.md#rule-4; none when the file
 * also holds a delete record for it, docs/processing-rules.md#rule-6) is decided in SQL once every case is staged ({@code
 * final_cases}), so no per-id state is kept in memory.
 */
public final class ExtractParser {
  /** Progress is reported every this many cases. */
  static final int PROGRESS_EVERY = 5_000;

  private final StagingLimits limits;
  private final Clock clock;

  /** A parser whose processing day (docs/processing-rules.md#rule-1) is today in New York. */
  public ExtractParser(StagingLimits limits) {
    this(limits, ExtractDate.PROCESSING_CLOCK);
  }

  /**
   * @param clock where the processing day comes from: a RunDate later than the day after it
   *     refuses the file (docs/processing-rules.md#rule-1)
   */
  public ExtractParser(StagingLimits limits, Clock clock) {
    this.limits = limits;
    this.clock = clock;
  }

  /**
   * Parses {@code zip} into a new staging database at {@code stagingDb} (replaced if it exists, so
   * a retried attempt restarts cleanly). On a whole-file failure the staging file is removed.
   *
   * @throws ExtractFileException when the file is unreadable as a whole (docs/processing-rules.md#rule-3)
   * @throws IOException when the local disk or the staging database fails
   */
  public ParseReport parse(Path zip, Path stagingDb, ParseProgress progress)
      throws ExtractFileException, IOException {
    long started = System.nanoTime();
    try (DuckDBConnection conn = StagingDatabase.create(stagingDb, limits)) {
      return stage(zip, conn, progress, started);
    } catch (ExtractFileException e) {
      StagingDatabase.delete(stagingDb);
      throw e;
    } catch (SQLException e) {
      throw StagingSpaceException.of("staging database " + stagingDb, e, limits);
    }
  }

  /**
   * Removes a staging database and its write-ahead log, e.g. one a parse that failed on the local
   * disk left behind (a whole-file failure removes its own).
   */
  public static void deleteStagingDatabase(Path stagingDb) throws IOException {
    StagingDatabase.delete(stagingDb);
  }

  private ParseReport stage(Path zip, DuckDBConnection conn, ParseProgress progress, long started)
      throws ExtractFileException, IOException, SQLException {
    long casesSeen = 0;
    long casesFailed;
    List<RejectedCase> sample;
    ExtractDrift drift;
    ExtractDate extractDate;
    String sha256;
    long xmlBytes;
    // The connection comes with the file's one transaction open (see StagingDatabase.create).
    try (ExtractReader reader = ExtractReader.open(zip, limits.caseBounds());
        StagingPipeline staging = new StagingPipeline(conn, reader.fileName())) {
      ParsedElement index = reader.nextIndex();
      // RunDate precedes the first Index, so the date is settled (or the file fails) right here.
      extractDate = ExtractDate.resolve(reader.fileName(), reader.runDate(), LocalDate.now(clock));
      while (index != null) {
        staging.add(index);
        if (++casesSeen % PROGRESS_EVERY == 0) {
          progress.onProgress(casesSeen, reader.xmlBytesRead());
        }
        index = reader.nextIndex();
      }
      sha256 = reader.finish();
      xmlBytes = reader.xmlBytesRead();
      staging.finish();
      casesFailed = staging.casesFailed();
      sample = staging.failureSample();
      drift = staging.drift();
    }
    try (Statement st = conn.createStatement()) {
      st.execute(SqlResource.of("sql/stage/final_cases.sql").statement());
    }
    conn.commit();
    progress.onProgress(casesSeen, xmlBytes);

    long staged;
    long deleted;
    try (Statement st = conn.createStatement();
        ResultSet rs = st.executeQuery(SqlResource.of("sql/stage/case_counts.sql").statement())) {
      rs.next();
      staged = rs.getLong("staged");
      deleted = rs.getLong("deleted");
    }
    return new ParseReport(
        zip.getFileName().toString(),
        sha256,
        extractDate.date(),
        extractDate.warnings(),
        casesSeen,
        staged,
        deleted,
        casesFailed,
        sample,
        xmlBytes,
        (System.nanoTime() - started) / 1_000_000,
        drift);
  }
}
