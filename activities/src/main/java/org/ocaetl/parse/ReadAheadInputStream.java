package org.ocaetl.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads a source stream on its own thread, a few chunks ahead of the consumer. The parse thread is
 * the critical path of staging; reading the raw file, hashing it and inflating the zip member took
 * about a sixth of its time (profiled), and they need nothing from the XML parser.
 *
 * <p>What the source throws reaches the consumer unchanged (the same exception object, after every
 * byte read before it), so callers tell a corrupt zip from a failing disk exactly as without the
 * read-ahead. Memory is bounded by a few chunks of {@value #CHUNK_SIZE} bytes, which are reused.
 * {@link #close()} stops the reader thread but leaves the source open: its owner closes it, after
 * this stream is closed (the source is only safe to touch again then).
 */
final class ReadAheadInputStream extends InputStream {
  static final int CHUNK_SIZE = 64 * 1024;
  static final int CHUNKS_AHEAD = 4;

  /** Bytes, the end of the source (no bytes, no failure), or what the source threw. */
  private record Chunk(byte[] bytes, int length, Throwable failure) {}

  private static final Chunk END = new Chunk(new byte[0], 0, null);

  private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(CHUNKS_AHEAD);
  /** Buffers the consumer is done with, to fill again (fresh ones were a fifth of all garbage). */
  private final BlockingQueue<byte[]> spare = new ArrayBlockingQueue<>(CHUNKS_AHEAD + 2);
  private final Thread reader;
  private Chunk current = new Chunk(new byte[0], 0, null);
  private int position;
  private volatile boolean closed;

  private ReadAheadInputStream(InputStream source, String threadName) {
    reader = Thread.ofPlatform().name(threadName).daemon().unstarted(() -> readAll(source));
  }

  /** Starts reading {@code source} on a new thread named {@code threadName}. */
  static ReadAheadInputStream start(InputStream source, String threadName) {
    ReadAheadInputStream stream = new ReadAheadInputStream(source, threadName);
    stream.reader.start();
    return stream;
  }

  /** On the reader thread: full chunks, then END or the failure (after the bytes before it). */
  private void readAll(InputStream source) {
    try {
      while (!closed) {
        byte[] bytes = spare.poll();
        if (bytes == null) {
          bytes = new byte[CHUNK_SIZE];
        }
        int length = 0;
        boolean atEnd = false;
        Throwable failure = null;
        try {
          while (length < CHUNK_SIZE && !atEnd) {
            int n = source.read(bytes, length, CHUNK_SIZE - length);
            atEnd = n < 0;
            length += Math.max(n, 0);
          }
        } catch (IOException | RuntimeException | Error e) {
          failure = e;
        }
        if (length > 0) {
          queue.put(new Chunk(bytes, length, null));
        }
        if (failure != null || atEnd) {
          queue.put(failure != null ? new Chunk(null, 0, failure) : END);
          return;
        }
      }
    } catch (InterruptedException e) {
      // closed by the consumer: nobody reads any more
    }
  }

  @Override
  public int read() throws IOException {
    Chunk chunk = chunk();
    return chunk == END ? -1 : chunk.bytes()[position++] & 0xFF;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    Chunk chunk = chunk();
    if (chunk == END) {
      return -1;
    }
    int n = Math.min(length, chunk.length() - position);
    System.arraycopy(chunk.bytes(), position, buffer, offset, n);
    position += n;
    return n;
  }

  @Override
  public int available() {
    return current.length() - position;
  }

  /** The chunk with unread bytes, END at the end; rethrows what the source threw. */
  private Chunk chunk() throws IOException {
    if (closed) {
      throw new IOException("read-ahead stream closed");
    }
    while (position == current.length() && current != END && current.failure() == null) {
      try {
        if (current.bytes() != null && current.bytes().length == CHUNK_SIZE) {
          spare.offer(current.bytes());
        }
        current = queue.take();
        position = 0;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while reading ahead");
      }
    }
    return switch (current.failure()) {
      case null -> current;
      case IOException e -> throw e;
      case RuntimeException e -> throw e;
      case Error e -> throw e;
      default -> throw new IOException(current.failure());
    };
  }

  /** Stops and waits for the reader thread; the source stays open. */
  @Override
  public void close() {
    closed = true;
    reader.interrupt();
    boolean interrupted = false;
    while (true) {
      try {
        reader.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true; // the source must not be touched before the reader is gone
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
