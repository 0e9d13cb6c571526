package org.ocaetl.discover;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.ocaetl.parse.ExtractFileName;
import org.ocaetl.workflows.FailureTypes;
import org.ocaetl.workflows.model.DiscoveredFile;
import org.ocaetl.workflows.model.DiscoveryResult;
import org.ocaetl.workflows.model.FileOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides which raw files a run handles:
 *
 * <ol>
 *   <li>Inbox names that are not extract file names are ignored (and logged).
 *   <li>Each inbox extract file is hashed, unless the inbox lists it as it did when it was hashed
 *       before (same size, same modification time or ETag: {@link RawArchive#listedSha256}). If
 *       the ledger holds its name with the same checksum it is SKIPPED (already promoted); with
 *       another checksum it FAILS as a ledger conflict.
 *   <li>Otherwise it is archived under {@code StoreKeys.raw(name)} (a name archived earlier with
 *       other bytes FAILS: the archive is never overwritten) and is pending.
 *   <li>Archived files that the ledger does not hold are pending too, even when they have left
 *       the inbox: a file that failed stays pending until it is promoted.
 *   <li>Archived files whose names match the reprocess glob are replayed even when promoted.
 * </ol>
 *
 * Pending and replayed files are returned in rule-1 order ({@link ExtractFileName#ORDER}). Each
 * new file is read at most twice (hash, then archive); a file whose listing has not changed since
 * it was hashed, and promoted files that left the inbox, are not read at all.
 */
public final class RawFileDiscovery {
  private static final Logger log = LoggerFactory.getLogger(RawFileDiscovery.class);

  private final RawInbox inbox;
  private final RawArchive archive;

  public RawFileDiscovery(RawInbox inbox, RawArchive archive) {
    this.inbox = inbox;
    this.archive = archive;
  }

  /**
   * @param promoted the ledger: SHA-256 by file name of every promoted file
   * @param reprocessGlob glob over archived file names to replay, or null
   * @param onFile called with each file name before it is read (to heartbeat)
   */
  public DiscoveryResult discover(Map<String, String> promoted, String reprocessGlob, Consumer<String> onFile)
      throws IOException {
    PathMatcher replay = reprocessGlob == null ? null : glob(reprocessGlob);
    Map<String, DiscoveredFile> pending = new LinkedHashMap<>();
    Map<String, FileOutcome> settled = new LinkedHashMap<>();
    List<String> ignored = new ArrayList<>();

    for (InboxFile listed : inbox.list()) {
      String name = listed.name();
      Optional<ExtractFileName> parsed = ExtractFileName.parse(name);
      if (parsed.isEmpty()) {
        log.info("Ignoring {} in {}: not an extract file name", name, inbox.describe());
        ignored.add(name);
        continue;
      }
      onFile.accept(name);
      Optional<String> listedSha256 = archive.listedSha256(listed);
      String sha256 = listedSha256.isPresent() ? listedSha256.get() : hash(name);
      String promotedSha = promoted.get(name);
      if (promotedSha != null) {
        boolean same = promotedSha.equalsIgnoreCase(sha256);
        settled.put(name, same
            ? FileOutcome.skipped(name, "already promoted with sha256 " + sha256)
            : FileOutcome.failed(name, FailureTypes.LEDGER_CONFLICT + ": promoted earlier with sha256 "
                + promotedSha + ", the inbox copy has sha256 " + sha256));
        if (same && listedSha256.isEmpty()) {
          archive.recordListing(listed, sha256);
        }
        continue;
      }
      try {
        archive.archive(name, sha256, () -> inbox.open(name));
        pending.put(name, new DiscoveredFile(name, sha256, parsed.get().runDate(), false));
        if (listedSha256.isEmpty()) {
          archive.recordListing(listed, sha256);
        }
      } catch (RawArchive.ConflictException e) {
        settled.put(name, FileOutcome.failed(name, FailureTypes.CHECKSUM_CONFLICT + ": " + e.getMessage()));
      }
    }

    Set<String> seen = new LinkedHashSet<>(pending.keySet());
    seen.addAll(settled.keySet());
    for (String name : archive.names()) {
      Optional<ExtractFileName> parsed = ExtractFileName.parse(name);
      if (parsed.isEmpty()) {
        continue;
      }
      boolean replayed = replay != null && replay.matches(Path.of(name));
      boolean stillPending = !promoted.containsKey(name) && !seen.contains(name);
      boolean replayOfPromoted = replayed && promoted.containsKey(name);
      if (!stillPending && !replayOfPromoted) {
        continue;
      }
      onFile.accept(name);
      Optional<String> sha256 = archive.sha256(name);
      if (sha256.isEmpty()) {
        continue; // removed from the archive meanwhile
      }
      if (replayOfPromoted && !promoted.get(name).equalsIgnoreCase(sha256.get())) {
        settled.put(name, FileOutcome.failed(name, FailureTypes.LEDGER_CONFLICT
            + ": the archived copy does not have the promoted sha256 " + promoted.get(name)));
        continue;
      }
      settled.remove(name); // a replay overrides "already promoted"
      pending.put(name, new DiscoveredFile(name, sha256.get(), parsed.get().runDate(), replayOfPromoted));
    }

    List<DiscoveredFile> ordered = new ArrayList<>(pending.values());
    ordered.sort(Comparator.comparing(f -> ExtractFileName.parse(f.fileName()).orElseThrow(), ExtractFileName.ORDER));
    return new DiscoveryResult(ordered, List.copyOf(settled.values()), List.copyOf(ignored));
  }

  private String hash(String name) throws IOException {
    try (InputStream in = inbox.open(name)) {
      return Sha256.of(in);
    }
  }

  /** A glob over file names, e.g. {@code LandlordTenant.Incr.2024-0[1-3]-*.zip}. */
  public static PathMatcher glob(String pattern) {
    if (pattern.isBlank() || pattern.contains("/")) {
      throw new IllegalArgumentException("A reprocess glob matches file names: " + pattern);
    }
    return FileSystems.getDefault().getPathMatcher("glob:" + pattern);
  }
}
