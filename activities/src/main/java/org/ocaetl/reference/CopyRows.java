package org.ocaetl.reference;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows streamed into one {@code COPY ... FROM STDIN (FORMAT csv)} in 64 KiB pieces, so a large
 * reference file passes through in bounded memory. Every non-NULL value is quoted; NULL is an
 * empty unquoted field (PostgreSQL's CSV conventions).
 */
final class CopyRows implements AutoCloseable {
  private static final int FLUSH_BYTES = 1 << 16;

  private final CopyIn copy;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream(FLUSH_BYTES + 4096);
  private final StringBuilder line = new StringBuilder(256);
  private long rows;
  private boolean finished;

  CopyRows(Connection c, String copySql) throws SQLException {
    this.copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(copySql);
  }

  void row(String... values) throws SQLException {
    line.setLength(0);
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        line.append(',');
      }
      if (values[i] != null) {
        line.append('"').append(values[i].replace("\"", "\"\"")).append('"');
      }
    }
    line.append('\n');
    pending.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
    rows++;
    if (pending.size() >= FLUSH_BYTES) {
      flush();
    }
  }

  /** Sends the rest and ends the COPY; returns the rows PostgreSQL stored. */
  long finish() throws SQLException {
    flush();
    finished = true;
    return copy.endCopy();
  }

  long rows() {
    return rows;
  }

  private void flush() throws SQLException {
    if (pending.size() > 0) {
      copy.writeToCopy(pending.toByteArray(), 0, pending.size());
      pending.reset();
    }
  }

  /** Cancels a COPY that did not finish (bad input): the transaction then rolls back. */
  @Override
  public void close() throws SQLException {
    if (!finished && copy.isActive()) {
      copy.cancelCopy();
    }
  }
}
