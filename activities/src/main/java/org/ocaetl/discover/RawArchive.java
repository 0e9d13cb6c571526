package org.ocaetl.discover;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.ocaetl.store.ObjectStore;
import org.ocaetl.store.StoreKeys;

/**
 * The private archive of raw zips ({@code StoreKeys.raw(name)}): every extract file is copied
 * there as soon as it is discovered, independently of processing (OCA deletes files after 60
 * days). An archived name is never overwritten with other bytes.
 *
 * <p>A copy counts only when it is complete and has the checksum discovery computed: the check
 * runs inside the store's write, so a copy that fails (a dropped connection) or has other bytes
 * is never visible. Its SHA-256 is then stored beside it ({@code StoreKeys.rawChecksum(name)}), so
 * later runs compare checksums without reading the archived zip again.
 *
 * <p>Beside it too, {@link #recordListing} keeps what the inbox listing said of the file (size and
 * modification time or ETag) when its SHA-256 was computed from the inbox copy: while the listing
 * still says the same, {@link #listedSha256} answers that SHA-256 and the inbox copy is not read
 * again (docs/design.md, "Discovery reads only what is new").
 */
public final class RawArchive {
  /** The key prefix of {@link StoreKeys#raw}, derived from it so the layout lives in one place. */
  private static final String RAW_PREFIX = rawPrefix();
  private static final String CHECKSUM_SUFFIX = StoreKeys.rawChecksum("_").substring(StoreKeys.raw("_").length());
  private static final String LISTING_SUFFIX = StoreKeys.rawListing("_").substring(StoreKeys.raw("_").length());
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

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
   *
   * @throws IOException the copy failed or read other bytes than the caller hashed (the file
   *     changed meanwhile, e.g. it was still being uploaded): nothing is archived, a later run
   *     tries again
   */
  public void archive(String name, String sha256, Source source) throws IOException, ConflictException {
    Optional<String> archived = sha256(name);
    if (archived.isPresent()) {
      if (!archived.get().equals(sha256)) {
        throw new ConflictException(name, archived.get(), sha256);
      }
      return;
    }
    store.write(StoreKeys.raw(name), "application/zip", out -> {
      try (DigestInputStream in = Sha256.digesting(source.open())) {
        in.transferTo(out);
        String copied = Sha256.hex(in);
        if (!copied.equals(sha256)) {
          throw new IOException(name + " changed while it was being archived (sha256 " + sha256 + " then "
              + copied + "): not archived; the next run looks again");
        }
      }
    });
    writeChecksum(name, sha256);
  }

  /** SHA-256 of the archived copy, empty when the name is not archived. */
  public Optional<String> sha256(String name) throws IOException {
    String checksumKey = StoreKeys.rawChecksum(name);
    if (store.size(checksumKey).isPresent()) {
      try (InputStream in = store.get(checksumKey)) {
        String recorded = new String(in.readNBytes(128), StandardCharsets.US_ASCII).trim();
        if (SHA256_HEX.matcher(recorded).matches()) {
          return Optional.of(recorded);
        }
      }
    }
    if (store.size(StoreKeys.raw(name)).isEmpty()) {
      return Optional.empty();
    }
    // Archived before checksums were stored beside the zips (or the checksum write failed): hash once.
    String hashed;
    try (InputStream in = store.get(StoreKeys.raw(name))) {
      hashed = Sha256.of(in);
    }
    writeChecksum(name, hashed);
    return Optional.of(hashed);
  }

  /**
   * The SHA-256 computed from the inbox copy of {@code listed} when the listing last said the same
   * of it (same size and tag); empty when it says something else now, or nothing was recorded.
   */
  public Optional<String> listedSha256(InboxFile listed) throws IOException {
    String key = StoreKeys.rawListing(listed.name());
    if (listed.tag().isBlank() || store.size(key).isEmpty()) {
      return Optional.empty();
    }
    String[] lines;
    try (InputStream in = store.get(key)) {
      lines = new String(in.readNBytes(1024), StandardCharsets.UTF_8).split("\n");
    }
    boolean same = lines.length >= 2 && SHA256_HEX.matcher(lines[0]).matches() && lines[1].equals(listed.listing());
    return same ? Optional.of(lines[0]) : Optional.empty();
  }

  /**
   * Records that the inbox copy listed as {@code listed} has {@code sha256} (computed from its
   * bytes just now). A listing without a tag identifies no bytes and is not recorded.
   */
  public void recordListing(InboxFile listed, String sha256) throws IOException {
    if (listed.tag().isBlank()) {
      return;
    }
    byte[] lines = (sha256 + "\n" + listed.listing() + "\n").getBytes(StandardCharsets.UTF_8);
    store.write(StoreKeys.rawListing(listed.name()), "text/plain", out -> out.write(lines));
  }

  /** Names of every archived file. */
  public List<String> names() throws IOException {
    return store.list(RAW_PREFIX).stream()
        .map(key -> key.substring(RAW_PREFIX.length()))
        .filter(name -> !name.contains("/") && !name.endsWith(CHECKSUM_SUFFIX) && !name.endsWith(LISTING_SUFFIX))
        .toList();
  }

  private void writeChecksum(String name, String sha256) throws IOException {
    byte[] line = (sha256 + "\n").getBytes(StandardCharsets.US_ASCII);
    store.write(StoreKeys.rawChecksum(name), "text/plain", out -> out.write(line));
  }

  private static String rawPrefix() {
    String probe = StoreKeys.raw("_");
    return probe.substring(0, probe.length() - 1);
  }
}
