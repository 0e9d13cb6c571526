package org.ocaetl.parse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipException;
import org.junit.jupiter.api.Test;

class ReadAheadInputStreamTest {
  private static byte[] bytes(int n) {
    byte[] data = new byte[n];
    new Random(n).nextBytes(data);
    return data;
  }

  @Test
  void deliversEveryByteInOrderAcrossChunks() throws IOException {
    int chunks = ReadAheadInputStream.CHUNKS_AHEAD + 3;
    byte[] data = bytes(ReadAheadInputStream.CHUNK_SIZE * chunks + 17);
    try (InputStream in = ReadAheadInputStream.start(new ByteArrayInputStream(data), "t")) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.write(in.read()); // single bytes and blocks mixed
      byte[] buffer = new byte[1000];
      int n;
      while ((n = in.read(buffer, 0, buffer.length)) >= 0) {
        out.write(buffer, 0, n);
      }
      assertArrayEquals(data, out.toByteArray());
      assertEquals(-1, in.read());
    }
  }

  @Test
  void theSourcesFailureArrivesUnchangedAfterTheBytesBeforeIt() throws IOException {
    byte[] data = bytes(100_000);
    ZipException corrupt = new ZipException("invalid stored block lengths");
    InputStream failing =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw corrupt;
          }
        };
    InputStream source = new SequenceInputStream(new ByteArrayInputStream(data), failing);
    try (InputStream in = ReadAheadInputStream.start(source, "t")) {
      assertArrayEquals(data, in.readNBytes(data.length));
      assertSame(corrupt, assertThrows(ZipException.class, in::read));
      assertSame(corrupt, assertThrows(ZipException.class, in::read), "and again on the next read");
    }
  }

  @Test
  void closeStopsTheReaderButLeavesTheSourceOpen() throws IOException {
    AtomicBoolean sourceClosed = new AtomicBoolean();
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            return 'x';
          }

          @Override
          public void close() {
            sourceClosed.set(true);
          }
        };
    ReadAheadInputStream in = ReadAheadInputStream.start(endless, "t");
    assertEquals('x', in.read());
    in.close(); // returns only once the reader thread, blocked on a full queue, has stopped
    assertFalse(sourceClosed.get());
    assertThrows(IOException.class, in::read);
  }
}
