package org.ocaetl.discover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.store.LocalObjectStore;
import org.ocaetl.store.StoreKeys;
import org.ocaetl.testing.DroppingTcpProxy;
import org.ocaetl.testing.SftpTestServer;
import org.ocaetl.workflows.model.DiscoveryResult;

/** The SFTP inbox against an embedded Apache MINA SSHD SFTP server. */
class SftpInboxTest {
  static final String INCR = "LandlordTenant.Incr.2024-03-08.zip";
  static final String INITIAL = "LandlordTenant.Initial.FiledIn2016.2024-03-01.zip";

  @TempDir Path served;
  @TempDir Path local;
  SftpTestServer server;
  Path knownHosts;
  byte[] initialBytes;

  @BeforeEach
  void start() throws IOException {
    Path outgoing = Files.createDirectories(served.resolve("outgoing"));
    initialBytes = new byte[3 << 20];
    new Random(7).nextBytes(initialBytes);
    Files.write(outgoing.resolve(INITIAL), initialBytes);
    Files.writeString(outgoing.resolve(INCR), "incremental");
    Files.writeString(outgoing.resolve("README.txt"), "not an extract");
    Files.createDirectories(outgoing.resolve("old"));
    server = SftpTestServer.start(served);
    knownHosts = server.writeKnownHosts(local.resolve("known_hosts"), server.port());
  }

  @AfterEach
  void stop() throws IOException {
    server.close();
  }

  RawInbox inbox(int port, Map<String, String> env) {
    return RawInboxes.open(server.uri(port, "/outgoing"), env);
  }

  static List<String> names(RawInbox inbox) throws IOException {
    return inbox.list().stream().map(InboxFile::name).toList();
  }

  static String sha(byte[] bytes) throws IOException {
    return Sha256.of(new java.io.ByteArrayInputStream(bytes));
  }

  @Test
  void listsRegularFilesAndDownloadsThemWithAPassword() throws IOException {
    try (RawInbox inbox = inbox(server.port(), server.passwordEnvironment(knownHosts))) {
      assertEquals(List.of(INCR, INITIAL, "README.txt"), names(inbox));
      try (InputStream in = inbox.open(INITIAL)) {
        assertEquals(sha(initialBytes), Sha256.of(in));
      }
      assertEquals("sftp://oca@127.0.0.1:" + server.port() + "/outgoing", inbox.describe());
      assertThrows(IllegalArgumentException.class, () -> inbox.open("../etc/passwd"));
    }
  }

  /**
   * The measurement of docs/benchmarks.md ("Discovery: bytes read from the inbox"): a weekly run
   * whose SFTP inbox still holds nine promoted weeklies and ten promoted Initial files reads only
   * the new weekly (to hash it, then to archive it). Before the listing was recorded beside the
   * checksum it read every file once more; an archive made before that change has no listing, so
   * its first run reads as the old code did.
   */
  @Test
  void aWeeklyRunReadsOnlyTheNewFileFromTheSftpInbox() throws IOException {
    Path inboxDir = Files.createDirectories(served.resolve("weekly"));
    Random random = new Random(11);
    long promotedBytes = 0;
    for (int year = 2008; year < 2018; year++) {
      promotedBytes += writeRandom(inboxDir.resolve("LandlordTenant.Initial.FiledIn" + year + ".2024-01-05.zip"), 1 << 20, random);
    }
    for (int week = 0; week < 9; week++) {
      String date = java.time.LocalDate.parse("2024-01-12").plusWeeks(week).toString();
      promotedBytes += writeRandom(inboxDir.resolve("LandlordTenant.Incr." + date + ".zip"), 64 << 10, random);
    }
    RawArchive archive = new RawArchive(new LocalObjectStore(local.resolve("store")));
    Map<String, String> ledger = new HashMap<>();
    try (RawInbox inbox = RawInboxes.open(server.uri(server.port(), "/weekly"), server.passwordEnvironment(knownHosts))) {
      RawFileDiscovery discovery = new RawFileDiscovery(inbox, archive);
      discovery.discover(ledger, null, name -> {}).files().forEach(f -> ledger.put(f.fileName(), f.sha256()));
      long newBytes = writeRandom(inboxDir.resolve("LandlordTenant.Incr.2024-03-15.zip"), 64 << 10, random);

      long before = server.bytesRead();
      DiscoveryResult weekly = discovery.discover(ledger, null, name -> {});
      long read = server.bytesRead() - before;

      assertEquals(List.of("LandlordTenant.Incr.2024-03-15.zip"), weekly.files().stream().map(f -> f.fileName()).toList());
      assertEquals(19, weekly.settled().size());
      assertEquals(2 * newBytes, read, "the new weekly is read twice (hash, archive), the 19 promoted files not at all");

      // As before the change: nothing recorded of the listings, so every inbox file is hashed.
      for (String name : archive.names()) {
        Files.deleteIfExists(local.resolve("store").resolve(StoreKeys.rawListing(name)));
      }
      ledger.put("LandlordTenant.Incr.2024-03-15.zip", weekly.files().get(0).sha256());
      before = server.bytesRead();
      discovery.discover(ledger, null, name -> {});
      assertEquals(promotedBytes + newBytes, server.bytesRead() - before, "without listings every file is hashed");
    }
  }

  private static long writeRandom(Path file, int size, Random random) throws IOException {
    byte[] bytes = new byte[size];
    random.nextBytes(bytes);
    Files.write(file, bytes);
    return size;
  }

  @Test
  void logsInWithAPrivateKey() throws IOException {
    Map<String, String> env = new HashMap<>();
    env.put("OCA_SFTP_PRIVATE_KEY", server.writeClientKey(local.resolve("id_ecdsa")).toString());
    env.put("OCA_SFTP_KNOWN_HOSTS", knownHosts.toString());
    try (RawInbox inbox = inbox(server.port(), env)) {
      try (InputStream in = inbox.open(INCR)) {
        assertEquals("incremental", new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
      }
    }
  }

  /** Ed25519 on both sides: the server's only host key and the client's OpenSSH key file. */
  @Test
  void logsInWithEd25519KeysOnBothSides() throws Exception {
    try (SftpTestServer ed25519 = SftpTestServer.startEd25519(served)) {
      Path hosts = ed25519.writeKnownHosts(local.resolve("known_hosts_ed25519"), ed25519.port());
      Path key = ed25519.writeClientKey(local.resolve("id_ed25519"));
      assertTrue(Files.readString(hosts).startsWith("[127.0.0.1]:" + ed25519.port() + " ssh-ed25519 "), Files.readString(hosts));
      assertTrue(Files.readString(key).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----"));
      Map<String, String> env = new HashMap<>();
      env.put("OCA_SFTP_PRIVATE_KEY", key.toString());
      env.put("OCA_SFTP_KNOWN_HOSTS", hosts.toString());
      try (RawInbox inbox = RawInboxes.open(ed25519.uri(ed25519.port(), "/outgoing"), env)) {
        assertEquals(List.of(INCR, INITIAL, "README.txt"), names(inbox));
        try (InputStream in = inbox.open(INITIAL)) {
          assertEquals(sha(initialBytes), Sha256.of(in));
        }
      }
      // another Ed25519 host key under the same name is refused as any other changed key
      try (SftpTestServer other = SftpTestServer.startEd25519(served)) {
        env.put("OCA_SFTP_KNOWN_HOSTS", other.writeKnownHosts(local.resolve("wrong"), ed25519.port()).toString());
      }
      try (RawInbox inbox = RawInboxes.open(ed25519.uri(ed25519.port(), "/outgoing"), env)) {
        IOException refused = assertThrows(UntrustedHostKeyException.class, inbox::list);
        assertTrue(refused.getMessage().contains("host key SHA256:"), refused.getMessage());
      }
    }
  }

  @Test
  void refusesAServerWhoseHostKeyIsNotTheKnownOne() throws IOException {
    Path wrong = SftpTestServer.writeWrongKnownHosts(local.resolve("wrong_hosts"), server.port());
    Path empty = Files.writeString(local.resolve("empty_hosts"), "");
    for (Path hosts : List.of(wrong, empty)) {
      try (RawInbox inbox = inbox(server.port(), server.passwordEnvironment(hosts))) {
        IOException refused = assertThrows(UntrustedHostKeyException.class, inbox::list);
        assertTrue(refused.getMessage().contains("host key SHA256:"), refused.getMessage());
      }
    }
  }

  @Test
  void aWrongPasswordFailsWithoutShowingIt() throws IOException {
    Map<String, String> env = server.passwordEnvironment(knownHosts);
    env.put("OCA_SFTP_PASSWORD", "not-the-password");
    try (RawInbox inbox = inbox(server.port(), env)) {
      IOException failure = assertThrows(IOException.class, inbox::list);
      assertTrue(failure.getMessage().startsWith("Cannot log in to sftp://oca@127.0.0.1:"), failure.getMessage());
      assertFalse(failure.getMessage().contains("not-the-password"));
    }
  }

  @Test
  void aSilentServerTimesOut() throws IOException {
    try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread.ofVirtual().start(() -> {
        try (Socket accepted = silent.accept()) {
          accepted.getInputStream().read(); // reads the client's greeting, never answers
          Thread.sleep(30_000);
        } catch (IOException | InterruptedException e) {
          // test over
        }
      });
      Map<String, String> env = server.passwordEnvironment(knownHosts);
      env.put("OCA_SFTP_TIMEOUT_SECONDS", "1");
      long started = System.nanoTime();
      try (RawInbox inbox = inbox(silent.getLocalPort(), env)) {
        assertThrows(IOException.class, inbox::list);
      }
      assertTrue(System.nanoTime() - started < 15_000_000_000L, "bounded by the timeout, not hanging");
    }
  }

  @Test
  void aConnectionDroppedMidTransferArchivesNothingAndTheRetrySucceeds() throws IOException {
    try (DroppingTcpProxy network = DroppingTcpProxy.start(server.port())) {
      server.writeKnownHosts(knownHosts, network.port());
      Path storeDir = local.resolve("store");
      LocalObjectStore store = new LocalObjectStore(storeDir);
      try (RawInbox inbox = inbox(network.port(), server.passwordEnvironment(knownHosts))) {
        RawFileDiscovery discovery = new RawFileDiscovery(inbox, new RawArchive(store));
        // Connections: the listing, hash and copy of the incremental, hash of the initial file
        // pass; the copy of the initial file (3 MiB) into the archive is cut after 1 MiB.
        network.passThenDrop(4, 1 << 20);

        assertThrows(IOException.class, () -> discovery.discover(Map.of(), null, name -> {}));
        assertEquals(1, network.dropped());
        List<String> incrementalOnly = List.of(StoreKeys.raw(INCR), StoreKeys.rawListing(INCR), StoreKeys.rawChecksum(INCR));
        assertEquals(incrementalOnly, store.list(""), "the cut file is not archived");
        try (Stream<Path> files = Files.walk(storeDir)) {
          assertEquals(3, files.filter(Files::isRegularFile).count(), "no partial or temporary file");
        }

        DiscoveryResult retry = discovery.discover(Map.of(), null, name -> {});

        assertEquals(List.of(INITIAL, INCR), retry.files().stream().map(f -> f.fileName()).toList());
        assertEquals(List.of("README.txt"), retry.ignored());
        assertEquals(sha(initialBytes), retry.files().getFirst().sha256());
        try (InputStream archived = store.get(StoreKeys.raw(INITIAL))) {
          assertEquals(sha(initialBytes), Sha256.of(archived));
        }
      }
    }
  }

  @Test
  void settingsRefuseSecretsInTheUriAndMissingCredentials() {
    Map<String, String> env = server.passwordEnvironment(knownHosts);
    assertThrows(IllegalArgumentException.class, () -> SftpSettings.fromUri("sftp://oca:pw@host/dir", env));
    assertThrows(IllegalArgumentException.class, () -> SftpSettings.fromUri("sftp://host/dir", env));
    assertThrows(IllegalArgumentException.class,
        () -> SftpSettings.fromUri("sftp://oca@host/dir", Map.of("OCA_SFTP_KNOWN_HOSTS", knownHosts.toString())));
    assertThrows(IllegalArgumentException.class, () -> SftpSettings.fromUri("sftp://oca@host/dir",
        Map.of("OCA_SFTP_PASSWORD", "x", "OCA_SFTP_KNOWN_HOSTS", local.resolve("missing").toString())));
    SftpSettings settings = SftpSettings.fromUri("sftp://oca@host/~/in", env);
    assertEquals("in", settings.directory());
    assertEquals(22, settings.port());
    assertFalse(settings.toString().contains(SftpTestServer.PASSWORD), settings.toString());
  }
}
