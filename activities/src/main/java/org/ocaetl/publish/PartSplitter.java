package org.ocaetl.publish;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ocaetl.store.ObjectStore;

/**
 * Splits the CSV that {@code part_rows.sql} streams out of COPY (header included, sorted by part)
 * into one object per part, dropping the leading part field of every record: what is left of each
 * record is byte for byte what COPY writes for the relation alone. Records end at a newline outside
 * quotes (values may span lines; a doubled quote inside a quoted value toggles twice). The part
 * field is never quoted (a year, other or undated). One part object is open at a time.
 */
final class PartSplitter extends OutputStream {
  private static final String CSV = "text/csv; charset=utf-8";

  /** What one part object holds. */
  record Written(long bytes, long rows) {}

  private final ObjectStore store;
  private final PartKeys keys;
  private final ByteArrayOutputStream header = new ByteArrayOutputStream();
  private final StringBuilder partField = new StringBuilder();
  private final Map<String, Written> written = new LinkedHashMap<>();

  private boolean inPartField = true;
  private boolean inQuotes;
  private boolean headerDone;
  private String part;
  private ObjectStore.Upload upload;
  private long bytes;
  private long rows;

  /** Where each part goes. */
  interface PartKeys {
    String of(String part);
  }

  PartSplitter(ObjectStore store, PartKeys keys) {
    this.store = store;
    this.keys = keys;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    int end = off + len;
    int start = off;
    for (int i = off; i < end; i++) {
      byte c = b[i];
      if (inPartField) {
        if (c == ',') {
          inPartField = false;
          startRecord(partField.toString());
          partField.setLength(0);
          start = i + 1;
        } else {
          partField.append((char) c);
        }
      } else if (c == '"') {
        inQuotes = !inQuotes;
      } else if (c == '\n' && !inQuotes) {
        emit(b, start, i + 1 - start);
        inPartField = true;
        headerDone = true; // the first record is the header
        start = i + 1;
      }
    }
    if (!inPartField && start < end) {
      emit(b, start, end - start);
    }
  }

  /** The header without the part column, as COPY writes it for the relation alone. */
  byte[] header() {
    return header.toByteArray();
  }

  /** The header as text (for the manifest). */
  String headerText() {
    return header.toString(StandardCharsets.UTF_8);
  }

  /** Completes the last part object, once COPY ended. */
  void finish() throws IOException {
    if (!inPartField || partField.length() > 0 || !headerDone) {
      throw new IOException("COPY output ended inside a record");
    }
    endPart();
  }

  /** Every part written, in order, with its size and rows. */
  Map<String, Written> written() {
    return written;
  }

  /** Discards the part object being written, if any (after a failure). */
  @Override
  public void close() throws IOException {
    if (upload != null) {
      upload.close();
      upload = null;
    }
  }

  private void startRecord(String recordPart) throws IOException {
    if (!headerDone) {
      return;
    }
    if (!recordPart.equals(part)) {
      endPart();
      if (written.containsKey(recordPart)) {
        throw new IOException("Rows of part " + recordPart + " are not contiguous: the export must sort by part");
      }
      part = recordPart;
      upload = store.open(keys.of(recordPart), CSV);
    }
    rows++;
  }

  private void emit(byte[] b, int off, int len) throws IOException {
    if (!headerDone) {
      header.write(b, off, len);
    } else {
      upload.stream().write(b, off, len);
      bytes += len;
    }
  }

  private void endPart() throws IOException {
    if (upload != null) {
      upload.complete();
      upload.close();
      upload = null;
      written.put(part, new Written(bytes, rows));
      bytes = 0;
      rows = 0;
    }
  }
}
