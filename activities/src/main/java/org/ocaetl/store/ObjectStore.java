package org.ocaetl.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where raw files, staged CSVs, reports and published files live. Keys are relative, '/'-separated
 * paths such as {@code private/staging/<file>/oca_index.csv}; full street addresses may only be
 * written under {@link StoreKeys#PRIVATE}. Stores that hold connections release them on
 * {@link #close}.
 */
public interface ObjectStore extends AutoCloseable {

  /** Uploads a local file. */
  void put(String key, Path file, String contentType) throws IOException;

  /** Uploads a stream of unknown length (streamed, never buffered whole in memory). */
  void put(String key, InputStream content, String contentType) throws IOException;

  /**
   * Streams content produced by {@code writer} into an object of unknown length (for example a
   * PostgreSQL {@code COPY ... TO STDOUT}); the object appears only if the writer completes.
   */
  void write(String key, String contentType, ContentWriter writer) throws IOException;

  /** Produces an object's bytes into a stream that the store owns (do not close it). */
  @FunctionalInterface
  interface ContentWriter {
    void writeTo(OutputStream out) throws IOException;
  }

  /** Opens an object for reading; the caller closes the stream. */
  InputStream get(String key) throws IOException;

  /** Copies an object to a local file, replacing it. */
  void download(String key, Path target) throws IOException;

  /** Size of the object, or empty when there is no such key. */
  Optional<Long> size(String key) throws IOException;

  /** Every key under a prefix, in lexicographic order (an empty prefix lists nothing, not an error). */
  default List<String> list(String prefix) throws IOException {
    return listObjects(prefix).stream().map(ListedObject::key).toList();
  }

  /** As {@link #list}, with what the listing says of each object (size, ETag or modification time). */
  List<ListedObject> listObjects(String prefix) throws IOException;

  /** A URI naming this store, for logs and results (never carries credentials). */
  String describe();

  /** Releases connections and threads; the local store holds none. */
  @Override
  default void close() throws IOException {}
}
