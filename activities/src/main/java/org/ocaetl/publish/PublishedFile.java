package org.ocaetl.publish;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ocaetl.store.ObjectStore;

/**
 * The byte size and SHA-256 of one published object, as a reader downloads it: read back from the
 * store, streaming, because RDS may have written it ({@link S3QueryExporter}) without the worker
 * seeing a byte.
 *
 * @param sha256 lower-case hex
 */
record PublishedFile(long bytes, String sha256) {
  private static final int BUFFER = 1 << 16;

  /** The CSV and Parquet file of every relation, by key. */
  static Map<String, PublishedFile> readAll(ObjectStore store, List<PublishedRelation> relations) throws IOException {
    Map<String, PublishedFile> files = new LinkedHashMap<>();
    for (PublishedRelation r : relations) {
      files.put(r.csvKey(), read(store, r.csvKey()));
      files.put(r.parquetKey(), read(store, r.parquetKey()));
    }
    return files;
  }

  static PublishedFile read(ObjectStore store, String key) throws IOException {
    MessageDigest sha256 = newDigest();
    long bytes = 0;
    byte[] buffer = new byte[BUFFER];
    try (InputStream in = store.get(key)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        sha256.update(buffer, 0, n);
        bytes += n;
      }
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
}
