package org.ocaetl.publish;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * Splits one PostgreSQL CSV stream in two on its way (docs/design.md#typed-parquet): every byte goes
 * to the local copy, and each record's first {@code publishedFields} fields and its line end go to
 * the published stream. The published CSV so keeps exactly the bytes PostgreSQL wrote for those
 * columns, while the columns after them (the text[] columns again as JSON, for the Parquet twin)
 * reach only the local copy. Fields are found by PostgreSQL's CSV quoting: a separator or line end
 * inside double quotes is data; a doubled quote inside quotes toggles twice, so it changes nothing.
 * Nothing is buffered here beyond the caller's write.
 */
final class CsvTee extends OutputStream {
  private final OutputStream published;
  private final OutputStream copy;
  private final int publishedFields;
  private final boolean dropsFields;
  private boolean quoted;
  /** Separators outside quotes seen so far in the current record. */
  private int separators;

  /**
   * @param publishedFields the leading fields of each record that are published
   * @param recordFields the fields of each record; when equal, every byte is published
   */
  CsvTee(OutputStream published, OutputStream copy, int publishedFields, int recordFields) {
    if (publishedFields < 1 || recordFields < publishedFields) {
      throw new IllegalArgumentException(
          "published fields " + publishedFields + " must be between 1 and the record's " + recordFields);
    }
    this.published = Objects.requireNonNull(published, "published");
    this.copy = Objects.requireNonNull(copy, "copy");
    this.publishedFields = publishedFields;
    this.dropsFields = recordFields > publishedFields;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    copy.write(b, off, len);
    if (!dropsFields) {
      published.write(b, off, len);
      return;
    }
    int end = off + len;
    int runStart = off; // the first byte of this buffer not yet published, while still publishing
    for (int i = off; i < end; i++) {
      byte c = b[i];
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted) {
        if (c == ',' && ++separators == publishedFields) {
          published.write(b, runStart, i - runStart);
        } else if (c == '\n') {
          if (separators >= publishedFields) {
            published.write('\n');
          } else {
            published.write(b, runStart, i + 1 - runStart);
          }
          separators = 0;
          runStart = i + 1;
        }
      }
    }
    if (separators < publishedFields) {
      published.write(b, runStart, end - runStart);
    }
  }

  /** Flushes both streams; closing them is their owner's. */
  @Override
  public void flush() throws IOException {
    copy.flush();
    published.flush();
  }
}
