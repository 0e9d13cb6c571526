package org.ocaetl.stage;

import java.io.InterruptedIOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.duckdb.DuckDBConnection;
import org.ocaetl.parse.ExtractCase;

/**
 * Appends converted cases on a writer thread while the caller parses the next ones. Profiling
 * showed the time split between XML parsing/conversion (Java) and DuckDB's native appends; on two
 * cores they overlap. Cases travel in batches through a small bounded queue, so memory stays
 * bounded, and a single writer keeps document order ({@code case_seq}).
 */
final class StagingPipeline implements AutoCloseable {
  static final int BATCH_SIZE = 256;
  static final int QUEUED_BATCHES = 8;
  private static final List<ExtractCase> END = List.of();

  private final BlockingQueue<List<ExtractCase>> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
  private final Thread writer;
  private volatile Throwable failure;
  private List<ExtractCase> batch = new ArrayList<>(BATCH_SIZE);
  private boolean finished;

  StagingPipeline(DuckDBConnection conn, String fileName) {
    writer = Thread.ofPlatform().name("oca-stage " + fileName).unstarted(() -> writeAll(conn));
    writer.start();
  }

  /** Runs on the writer thread: the appenders live and die there. */
  private void writeAll(DuckDBConnection conn) {
    try (StagingWriter out = new StagingWriter(conn)) {
      long caseSeq = 0;
      for (List<ExtractCase> cases = queue.take(); cases != END; cases = queue.take()) {
        for (ExtractCase extractCase : cases) {
          out.write(caseSeq++, extractCase);
        }
      }
    } catch (InterruptedException e) {
      failure = e; // closed early by the parsing thread
    } catch (Throwable t) {
      failure = t;
    }
  }

  /** Stages the next case of the file (in document order). */
  void add(ExtractCase extractCase) throws SQLException, InterruptedIOException {
    batch.add(extractCase);
    if (batch.size() == BATCH_SIZE) {
      handOver(batch);
      batch = new ArrayList<>(BATCH_SIZE);
    }
  }

  /** Waits until every case is appended and the appenders are flushed. */
  void finish() throws SQLException, InterruptedIOException {
    handOver(batch);
    handOver(END);
    try {
      writer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while staging");
    }
    finished = true;
    rethrowFailure();
  }

  private void handOver(List<ExtractCase> cases) throws SQLException, InterruptedIOException {
    try {
      while (!queue.offer(cases, 100, TimeUnit.MILLISECONDS)) {
        rethrowFailure(); // the writer died: stop parsing instead of waiting forever
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while staging");
    }
  }

  private void rethrowFailure() throws SQLException {
    Throwable t = failure;
    if (t == null) {
      return;
    }
    if (t instanceof SQLException e) {
      throw e;
    }
    if (t instanceof RuntimeException e) {
      throw e;
    }
    if (t instanceof Error e) {
      throw e;
    }
    throw new SQLException("staging writer failed", t);
  }

  /** After a failure of the parsing side: stops the writer (its appenders flush and close). */
  @Override
  public void close() {
    if (finished) {
      return;
    }
    writer.interrupt();
    try {
      writer.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
