package org.ocaetl.stage;

import java.io.InterruptedIOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.duckdb.DuckDBConnection;
import org.ocaetl.parse.CaseConverter;
import org.ocaetl.parse.ExtractCase;
import org.ocaetl.parse.ExtractDrift;
import org.ocaetl.parse.ExtractDriftCounter;
import org.ocaetl.parse.ParsedElement;
import org.ocaetl.parse.RejectedCase;

/**
 * Converts and appends cases on a writer thread while the caller parses the next ones. Profiling
 * showed XML parsing as the critical path, so the parsing thread only builds each Index tree; the
 * writer converts it (docs/processing-rules.md#rule-8, #rule-9, #rule-10, #rule-11, #rule-12, #rule-13) and appends its rows. Trees travel in batches through a small
 * bounded queue, so memory stays bounded, and a single writer keeps document order ({@code
 * case_seq}). Failed cases are counted here; their details are staged.
 *
 * <p>A batch is handed over at {@value #BATCH_SIZE} trees or {@value #BATCH_HEAP_BYTES} bytes of
 * estimated heap, whichever comes first: at most {@value #QUEUED_BATCHES} queued batches, the one
 * being filled and the one being written are alive, each under the byte budget plus one tree, so
 * the heap held by one parse is bounded even when every case is close to the {@link
 * org.ocaetl.parse.CaseBounds} (about 160 MB at the defaults, docs/case-bounds.md; real batches stay
 * far below).
 */
final class StagingPipeline implements AutoCloseable {
  static final int BATCH_SIZE = 128;
  static final int QUEUED_BATCHES = 4;
  static final long BATCH_HEAP_BYTES = 8L << 20;
  private static final List<ParsedElement> END = List.of();

  private final BlockingQueue<List<ParsedElement>> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
  private final Thread writer;
  private volatile Throwable failure;
  private List<ParsedElement> batch = new ArrayList<>(BATCH_SIZE);
  private long batchHeapBytes;
  private boolean finished;
  // written by the writer thread, read after joining it
  private long casesFailed;
  private final List<RejectedCase> failureSample = new ArrayList<>();
  private final ExtractDriftCounter drift = new ExtractDriftCounter();

  StagingPipeline(DuckDBConnection conn, String fileName) {
    writer = Thread.ofPlatform().name("oca-stage " + fileName).unstarted(() -> writeAll(conn));
    writer.start();
  }

  /** Runs on the writer thread: the converter and the appenders live and die there. */
  private void writeAll(DuckDBConnection conn) {
    CaseConverter converter = new CaseConverter();
    try (StagingWriter out = new StagingWriter(conn)) {
      long caseSeq = 0;
      for (List<ParsedElement> indexes = queue.take(); indexes != END; indexes = queue.take()) {
        for (int i = 0; i < indexes.size(); i++) {
          ExtractCase converted = converter.convert(indexes.get(i));
          drift.count(indexes.get(i)); // here, off the parsing thread (the critical path)
          if (converted instanceof ExtractCase.Failed failed) {
            casesFailed++;
            if (failureSample.size() < ParseReport.FAILURE_SAMPLE) {
              failureSample.add(failed.failure());
            }
          }
          out.write(caseSeq++, converted);
        }
      }
    } catch (InterruptedException e) {
      failure = e; // closed early by the parsing thread
    } catch (Throwable t) {
      failure = t;
    }
  }

  /** Stages the next Index of the file (document order); the caller must not touch it again. */
  void add(ParsedElement index) throws SQLException, InterruptedIOException {
    batch.add(index);
    batchHeapBytes += index.size().heapBytes();
    if (batch.size() == BATCH_SIZE || batchHeapBytes >= BATCH_HEAP_BYTES) {
      handOver(batch);
      batch = new ArrayList<>(BATCH_SIZE);
      batchHeapBytes = 0;
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

  /** Index elements that could not be converted; known after {@link #finish()}. */
  long casesFailed() {
    return casesFailed;
  }

  /** The first {@link ParseReport#FAILURE_SAMPLE} failures; known after {@link #finish()}. */
  List<RejectedCase> failureSample() {
    return List.copyOf(failureSample);
  }

  /** Paths the parser does not map, and column paths never seen; known after {@link #finish()}. */
  ExtractDrift drift() {
    return drift.result();
  }

  private void handOver(List<ParsedElement> indexes) throws SQLException, InterruptedIOException {
    try {
      while (!queue.offer(indexes, 100, TimeUnit.MILLISECONDS)) {
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
