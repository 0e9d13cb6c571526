package org.ocaetl.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.store.LocalObjectStore;
import org.ocaetl.store.StoreKeys;
import org.ocaetl.workflows.model.DiscoveredFile;
import org.ocaetl.workflows.model.DiscoveryResult;
import org.ocaetl.workflows.model.FileOutcome;
import org.ocaetl.workflows.model.FileOutcome.Outcome;

/** Which files a run picks, over a real inbox folder and a real local object store. */
class RawFileDiscoveryTest {
  static final String INCR_0308 = "LandlordTenant.Incr.2024-03-08.zip";
  static final String INCR_0301 = "LandlordTenant.Incr.2024-03-01.zip";
  static final String INITIAL_2017 = "LandlordTenant.Initial.FiledIn2017.2024-03-01.zip";
  static final String INITIAL_2016 = "LandlordTenant.Initial.FiledIn2016.2024-03-01.zip";

  @TempDir Path inboxDir;
  @TempDir Path storeDir;
  LocalObjectStore store;
  RawArchive archive;
  RawFileDiscovery discovery;
  Map<String, String> ledger = new HashMap<>();
  List<String> heartbeats = new ArrayList<>();

  @BeforeEach
  void setUp() throws IOException {
    store = new LocalObjectStore(storeDir);
    archive = new RawArchive(store);
    discovery = new RawFileDiscovery(new LocalFolderInbox(inboxDir), archive);
  }

  DiscoveryResult discover(String glob) throws IOException {
    return discovery.discover(ledger, glob, heartbeats::add);
  }

  void inbox(String name, String content) throws IOException {
    Files.writeString(inboxDir.resolve(name), content);
  }

  static String sha(String content) throws IOException {
    return Sha256.of(new java.io.ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void archivesNewFilesAndOrdersThemByRuleOne() throws IOException {
    inbox(INCR_0308, "c");
    inbox(INCR_0301, "b");
    inbox(INITIAL_2017, "a2");
    inbox(INITIAL_2016, "a1");
    inbox("notes.txt", "x");
    inbox("x." + INCR_0308 + ".bak", "x");

    DiscoveryResult result = discover(null);

    assertEquals(List.of(INITIAL_2016, INITIAL_2017, INCR_0301, INCR_0308),
        result.files().stream().map(DiscoveredFile::fileName).toList());
    assertEquals(List.of("notes.txt", "x." + INCR_0308 + ".bak"), result.ignored());
    assertEquals(sha("c"), result.files().get(3).sha256());
    assertEquals(java.time.LocalDate.parse("2024-03-08"), result.files().get(3).nameDate());
    try (InputStream archived = store.get(StoreKeys.raw(INCR_0308))) {
      assertEquals("c", new String(archived.readAllBytes(), StandardCharsets.UTF_8));
    }
    assertTrue(heartbeats.containsAll(List.of(INCR_0308, INITIAL_2016)));
  }

  @Test
  void skipsFilesTheLedgerHoldsWithTheSameChecksum() throws IOException {
    inbox(INCR_0301, "b");
    inbox(INCR_0308, "c");
    ledger.put(INCR_0301, sha("b"));

    DiscoveryResult result = discover(null);

    assertEquals(List.of(INCR_0308), result.files().stream().map(DiscoveredFile::fileName).toList());
    assertEquals(Outcome.SKIPPED, result.settled().get(0).outcome());
  }

  @Test
  void aPromotedNameWithOtherBytesIsALedgerConflict() throws IOException {
    inbox(INCR_0301, "changed");
    ledger.put(INCR_0301, sha("b"));
    FileOutcome outcome = discover(null).settled().get(0);
    assertEquals(Outcome.FAILED, outcome.outcome());
    assertTrue(outcome.reason().startsWith("LedgerConflict: "), outcome.reason());
  }

  @Test
  void neverOverwritesAnArchivedNameWithOtherBytes() throws IOException {
    inbox(INCR_0301, "original");
    discover(null);
    inbox(INCR_0301, "re-sent with other bytes");

    DiscoveryResult result = discover(null);

    assertEquals(List.of(), result.files());
    FileOutcome outcome = result.settled().get(0);
    assertEquals(Outcome.FAILED, outcome.outcome());
    assertTrue(outcome.reason().startsWith("ChecksumConflict: "), outcome.reason());
    try (InputStream archived = store.get(StoreKeys.raw(INCR_0301))) {
      assertEquals("original", new String(archived.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void anArchivedFileThatIsNotPromotedStaysPendingAfterLeavingTheInbox() throws IOException {
    inbox(INCR_0301, "b");
    inbox(INCR_0308, "c");
    discover(null);
    Files.delete(inboxDir.resolve(INCR_0301));
    Files.delete(inboxDir.resolve(INCR_0308));
    ledger.put(INCR_0308, sha("c"));

    DiscoveryResult result = discover(null);

    assertEquals(List.of(new DiscoveredFile(INCR_0301, sha("b"), java.time.LocalDate.parse("2024-03-01"), false)),
        result.files());
    assertEquals(List.of(), result.settled(), "promoted files that left the inbox are not even read");
  }

  @Test
  void replaysArchivedFilesMatchingTheGlobEvenWhenPromoted() throws IOException {
    inbox(INCR_0301, "b");
    inbox(INCR_0308, "c");
    discover(null);
    ledger.put(INCR_0301, sha("b"));
    ledger.put(INCR_0308, sha("c"));

    DiscoveryResult result = discover("*2024-03-0[1-5]*");

    assertEquals(List.of(new DiscoveredFile(INCR_0301, sha("b"), java.time.LocalDate.parse("2024-03-01"), true)),
        result.files());
    assertEquals(List.of(INCR_0308), result.settled().stream().map(FileOutcome::fileName).toList());
  }

  @Test
  void aFileThatChangesWhileItIsArchivedIsNotArchived() throws IOException {
    inbox(INCR_0301, "still being uploaded");
    LocalFolderInbox folder = new LocalFolderInbox(inboxDir);
    int[] opens = {0};
    // The upload goes on between discovery's hash and its copy: a timing a real folder cannot be made to hit.
    RawInbox growing = new RawInbox() {
      @Override
      public List<InboxFile> list() throws IOException {
        return folder.list();
      }

      @Override
      public InputStream open(String name) throws IOException {
        if (++opens[0] == 2) {
          inbox(INCR_0301, "still being uploaded, now complete");
        }
        return folder.open(name);
      }

      @Override
      public String describe() {
        return folder.describe();
      }
    };

    IOException failure = assertThrows(IOException.class,
        () -> new RawFileDiscovery(growing, archive).discover(ledger, null, heartbeats::add));

    assertTrue(failure.getMessage().contains("changed while it was being archived"), failure.getMessage());
    assertEquals(List.of(), store.list(""));
    assertEquals(sha("still being uploaded, now complete"), discover(null).files().get(0).sha256(), "the next run archives it");
  }

  @Test
  void theArchivedChecksumIsStoredBesideTheZipAndRepairedWhenMissing() throws IOException {
    inbox(INCR_0301, "b");
    discover(null);
    assertEquals(sha("b") + "\n", read(StoreKeys.rawChecksum(INCR_0301)));
    assertEquals(List.of(INCR_0301), archive.names());

    Files.delete(storeDir.resolve(StoreKeys.rawChecksum(INCR_0301)));
    assertEquals(sha("b"), archive.sha256(INCR_0301).orElseThrow());
    assertEquals(sha("b") + "\n", read(StoreKeys.rawChecksum(INCR_0301)));
  }

  @Test
  void aFileListedAsWhenItWasHashedIsNotReadAgain() throws IOException {
    inbox(INCR_0301, "b");
    inbox(INCR_0308, "c");
    discover(null);
    ledger.put(INCR_0301, sha("b"));
    CountingInbox counting = new CountingInbox(new LocalFolderInbox(inboxDir));

    DiscoveryResult result = new RawFileDiscovery(counting, archive).discover(ledger, null, heartbeats::add);

    assertEquals(List.of(), counting.opened, "both files are known from their listing");
    assertEquals(List.of(new DiscoveredFile(INCR_0308, sha("c"), java.time.LocalDate.parse("2024-03-08"), false)),
        result.files(), "the archived, unpromoted file is still pending");
    assertEquals(List.of(FileOutcome.skipped(INCR_0301, "already promoted with sha256 " + sha("b"))), result.settled());
  }

  @Test
  void aRedeliveryWithOtherBytesOfTheSameSizeIsReadAndIsALedgerConflict() throws IOException {
    inbox(INCR_0301, "b1");
    discover(null);
    ledger.put(INCR_0301, sha("b1"));
    FileTime hashedAt = Files.getLastModifiedTime(inboxDir.resolve(INCR_0301));
    inbox(INCR_0301, "b2");
    Files.setLastModifiedTime(inboxDir.resolve(INCR_0301), FileTime.from(hashedAt.toInstant().plusSeconds(60)));
    CountingInbox counting = new CountingInbox(new LocalFolderInbox(inboxDir));

    FileOutcome outcome = new RawFileDiscovery(counting, archive).discover(ledger, null, heartbeats::add).settled().get(0);

    assertEquals(List.of(INCR_0301), counting.opened, "a new modification time is read and hashed");
    assertEquals(Outcome.FAILED, outcome.outcome());
    assertTrue(outcome.reason().startsWith("LedgerConflict: "), outcome.reason());
    counting.opened.clear();
    new RawFileDiscovery(counting, archive).discover(ledger, null, heartbeats::add);
    assertEquals(List.of(INCR_0301), counting.opened, "a conflicting copy is read again by every run");
  }

  @Test
  void theSameBytesWithANewModificationTimeAreReadOnceAndKnownAfterwards() throws IOException {
    inbox(INCR_0301, "b");
    discover(null);
    ledger.put(INCR_0301, sha("b"));
    Path file = inboxDir.resolve(INCR_0301);
    Files.setLastModifiedTime(file, FileTime.from(Files.getLastModifiedTime(file).toInstant().plusSeconds(60)));
    CountingInbox counting = new CountingInbox(new LocalFolderInbox(inboxDir));
    RawFileDiscovery countingDiscovery = new RawFileDiscovery(counting, archive);

    assertEquals(Outcome.SKIPPED, countingDiscovery.discover(ledger, null, heartbeats::add).settled().get(0).outcome());
    assertEquals(Outcome.SKIPPED, countingDiscovery.discover(ledger, null, heartbeats::add).settled().get(0).outcome());
    assertEquals(List.of(INCR_0301), counting.opened, "hashed once, then known from the new listing");
  }

  /** A real folder inbox that notes each file it opens. */
  static final class CountingInbox implements RawInbox {
    final RawInbox inbox;
    final List<String> opened = new ArrayList<>();

    CountingInbox(RawInbox inbox) {
      this.inbox = inbox;
    }

    @Override
    public List<InboxFile> list() throws IOException {
      return inbox.list();
    }

    @Override
    public InputStream open(String name) throws IOException {
      opened.add(name);
      return inbox.open(name);
    }

    @Override
    public String describe() {
      return inbox.describe();
    }
  }

  String read(String key) throws IOException {
    try (InputStream in = store.get(key)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void rejectsAGlobWithAPath() {
    assertThrows(IllegalArgumentException.class, () -> RawFileDiscovery.glob("private/raw/*"));
  }

  @Test
  void anEmptyInboxAndArchiveFindNothing() throws IOException {
    DiscoveryResult result = discover("*");
    assertEquals(new DiscoveryResult(List.of(), List.of(), List.of()), result);
  }
}
