package org.ocaetl.publish;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.ocaetl.store.ObjectStore;

/**
 * The byte size and SHA-256 of one published object, as a reader downloads it. Computed by whoever
 * wrote the object from the bytes it wrote: the CSV stream on its way to the store ({@link Hashing}),
 * the local Parquet file before its upload ({@link #of(Path)}); read back from the store only where
 * the worker never saw a byte ({@link #read}: RDS wrote it, {@link S3QueryExporter}).
 *
 * @param sha256 lower-case hex
 */
public record PublishedFile(long bytes, String sha256) {
  private static final int BUFFER = 1 << 16;

  /** Reads the object back from the store. */
  static PublishedFile read(ObjectStore store, String key) throws IOException {
    try (InputStream in = store.get(key)) {
      return of(in);
    }
  }

  /** A local file, as it will be uploaded. */
  static PublishedFile of(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return of(in);
    }
  }

  private static PublishedFile of(InputStream in) throws IOException {
    MessageDigest sha256 = newDigest();
    long bytes = 0;
    byte[] buffer = new byte[BUFFER];
    for (int n; (n = in.read(buffer)) > 0; ) {
      sha256.update(buffer, 0, n);
      bytes += n;
    }
    return new PublishedFile(bytes, HexFormat.of().formatHex(sha256.digest()));
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java platform has SHA-256", e);
    }
  }

  /** Passes bytes on to another stream, counting and hashing them on the way. */
  static final class Hashing extends FilterOutputStream {
    private final MessageDigest sha256 = newDigest();
    private long bytes;

    Hashing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      sha256.update((byte) b);
      bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      sha256.update(b, off, len);
      bytes += len;
    }

    /** The size and hash of every byte passed on; once, after the last. */
    PublishedFile file() {
      return new PublishedFile(bytes, HexFormat.of().formatHex(sha256.digest()));
    }
  }
}
