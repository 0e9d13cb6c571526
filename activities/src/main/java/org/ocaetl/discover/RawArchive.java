package org.ocaetl.discover;

import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.util.List;
import java.util.Optional;
import org.ocaetl.store.ObjectStore;
import org.ocaetl.store.StoreKeys;

/**
 * The private archive of raw zips ({@code StoreKeys.raw(name)}): every extract file is copied
 * there as soon as it is discovered, independently of processing (OCA deletes files after 60
 * days). An archived name is never overwritten with other bytes.
 */
public final class RawArchive {
  /** The key prefix of {@link StoreKeys#raw}, derived from it so the layout lives in one place. */
  private static final String RAW_PREFIX = rawPrefix();

  private final ObjectStore store;

  public RawArchive(ObjectStore store) {
    this.store = store;
  }

  /** The same name is archived with other bytes: the new file is refused. */
  public static final class ConflictException extends Exception {
    private static final long serialVersionUID = 1L;

    ConflictException(String name, String archivedSha256, String newSha256) {
      super(name + " is archived with sha256 " + archivedSha256 + "; the inbox copy has sha256 "
          + newSha256 + ": refusing to overwrite the archived raw file");
    }
  }

  /** Opens a stream of the file to archive (called once per read). */
  @FunctionalInterface
  public interface Source {
    InputStream open() throws IOException;
  }

  /**
   * Makes sure {@code name} is archived with the bytes of {@code source}, whose SHA-256 the caller
   * computed already; copies it when it is not archived yet.
   */
  public void archive(String name, String sha256, Source source) throws IOException, ConflictException {
    Optional<String> archived = sha256(name);
    if (archived.isPresent()) {
      if (!archived.get().equals(sha256)) {
        throw new ConflictException(name, archived.get(), sha256);
      }
      return;
    }
    String copied;
    try (DigestInputStream in = Sha256.digesting(source.open())) {
      store.put(StoreKeys.raw(name), in, "application/zip");
      copied = Sha256.hex(in);
    }
    if (!copied.equals(sha256)) {
      // The inbox file changed between hashing and copying (still being written?): the copy is
      // of the later bytes; refuse this run's view of it and let the next run look again.
      throw new IOException(name + " changed while it was being archived (sha256 " + sha256 + " then " + copied + ")");
    }
  }

  /** SHA-256 of the archived copy, empty when the name is not archived. */
  public Optional<String> sha256(String name) throws IOException {
    if (store.size(StoreKeys.raw(name)).isEmpty()) {
      return Optional.empty();
    }
    try (InputStream in = store.get(StoreKeys.raw(name))) {
      return Optional.of(Sha256.of(in));
    }
  }

  private static String rawPrefix() {
    String probe = StoreKeys.raw("_");
    return probe.substring(0, probe.length() - 1);
  }

  /** Names of every archived file. */
  public List<String> names() throws IOException {
    return store.list(RAW_PREFIX).stream()
        .map(key -> key.substring(RAW_PREFIX.length()))
        .filter(name -> !name.contains("/"))
        .toList();
  }
}
