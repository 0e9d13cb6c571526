package org.ocaetl.discover;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketAddress;
import java.nio.file.attribute.FileTime;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.sftp.SftpModuleProperties;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OCA's SFTP server as the raw inbox, through the Apache MINA SSHD client. The server's host key
 * must match the configured known_hosts entry (unknown or changed keys are refused); login is by
 * password or private key. Each listing and each file read uses its own short session, so a
 * dropped connection fails only that call and the next call connects afresh. A read that ends
 * before the size the server announced fails instead of passing a truncated file on.
 */
public final class SftpInbox implements RawInbox {
  private static final Logger log = LoggerFactory.getLogger(SftpInbox.class);

  private final SftpSettings settings;
  private final SshClient client;
  /**
   * Fingerprints of host keys the verifier refused, by session, to say so instead of "cannot log
   * in" (session attributes are cleared when the refused session closes, which races the caller).
   */
  private final Map<ClientSession, String> refusedHostKeys = Collections.synchronizedMap(new WeakHashMap<>());

  public SftpInbox(SftpSettings settings) {
    this.settings = settings;
    this.client = SshClient.setUpDefaultClient();
    // Only this configuration counts: no ~/.ssh/config, no default identities.
    client.setHostConfigEntryResolver(HostConfigEntryResolver.EMPTY);
    KnownHostsServerKeyVerifier knownHosts =
        new KnownHostsServerKeyVerifier(RejectAllServerKeyVerifier.INSTANCE, settings.knownHosts());
    knownHosts.setModifiedServerKeyAcceptor((session, address, entry, expected, actual) -> false);
    client.setServerKeyVerifier((ClientSession session, SocketAddress address, PublicKey key) -> {
      boolean known = knownHosts.verifyServerKey(session, address, key);
      if (!known) {
        refusedHostKeys.put(session, KeyUtils.getFingerPrint(key));
      }
      return known;
    });
    CoreModuleProperties.IO_CONNECT_TIMEOUT.set(client, settings.timeout());
    CoreModuleProperties.AUTH_TIMEOUT.set(client, settings.timeout());
    CoreModuleProperties.IDLE_TIMEOUT.set(client, settings.timeout());
    CoreModuleProperties.NIO2_READ_TIMEOUT.set(client, settings.timeout());
    CoreModuleProperties.CHANNEL_OPEN_TIMEOUT.set(client, settings.timeout());
    SftpModuleProperties.SFTP_CHANNEL_OPEN_TIMEOUT.set(client, settings.timeout());
    client.start();
  }

  @Override
  public List<InboxFile> list() throws IOException {
    try (Connection c = connect()) {
      List<InboxFile> listed = new ArrayList<>();
      for (SftpClient.DirEntry entry : c.sftp.readDir(settings.directory())) {
        SftpClient.Attributes attributes = entry.getAttributes();
        if (attributes.isRegularFile()) {
          FileTime modified = attributes.getModifyTime();
          listed.add(new InboxFile(entry.getFilename(), attributes.getSize(), modified == null ? "" : modified.toString()));
        }
      }
      listed.sort(Comparator.comparing(InboxFile::name));
      return listed;
    }
  }

  @Override
  public InputStream open(String name) throws IOException {
    if (name.isEmpty() || name.contains("/") || name.equals(".") || name.equals("..")) {
      throw new IllegalArgumentException("Not a file of the inbox: " + name);
    }
    String path = settings.directory().equals(".") ? name : settings.directory().replaceAll("/+$", "") + "/" + name;
    Connection c = connect();
    try {
      long size = c.sftp.stat(path).getSize();
      return new SizedStream(c.sftp.read(path), size, path, c);
    } catch (IOException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  @Override
  public String describe() {
    return settings.describe();
  }

  @Override
  public void close() throws IOException {
    client.stop();
  }

  private Connection connect() throws IOException {
    ClientSession session =
        client.connect(settings.user(), settings.host(), settings.port()).verify(settings.timeout()).getSession();
    try {
      if (settings.privateKey() != null) {
        for (KeyPair key : privateKeys(session)) {
          session.addPublicKeyIdentity(key);
        }
      }
      if (settings.password() != null) {
        session.addPasswordIdentity(settings.password());
      }
      session.auth().verify(settings.timeout());
      return new Connection(session, SftpClientFactory.instance().createSftpClient(session));
    } catch (IOException | RuntimeException e) {
      String refused = refusedHostKeys.remove(session);
      session.close(true);
      if (refused != null) {
        throw new UntrustedHostKeyException("Refusing " + describe() + ": its host key " + refused + " is not the one in "
            + settings.knownHosts(), e);
      }
      // MINA's messages name the failed step (e.g. "No more authentication methods available"), never secrets.
      throw new IOException("Cannot log in to " + describe() + ": " + e.getMessage(), e);
    }
  }

  private Iterable<KeyPair> privateKeys(ClientSession session) throws IOException {
    FileKeyPairProvider keys = new FileKeyPairProvider(settings.privateKey());
    if (settings.privateKeyPassphrase() != null) {
      keys.setPasswordFinder(FilePasswordProvider.of(settings.privateKeyPassphrase()));
    }
    try {
      return keys.loadKeys(session);
    } catch (RuntimeException e) {
      throw new IOException("Cannot read the private key " + settings.privateKey() + ": " + e.getMessage(), e);
    }
  }

  /** One session with its SFTP channel. */
  private record Connection(ClientSession session, SftpClient sftp) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      try {
        sftp.close();
      } finally {
        session.close(false);
      }
    }
  }

  /** Counts bytes and fails at the end if fewer arrived than the server's stat announced. */
  private static final class SizedStream extends FilterInputStream {
    private final long expected;
    private final String path;
    private final Connection connection;
    private long received;

    SizedStream(InputStream in, long expected, String path, Connection connection) {
      super(in);
      this.expected = expected;
      this.path = path;
      this.connection = connection;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      count(b < 0 ? -1 : 1);
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      count(n);
      return n;
    }

    private void count(int n) throws IOException {
      if (n >= 0) {
        received += n;
      } else if (received != expected) {
        throw new IOException(path + " ended after " + received + " of " + expected + " bytes");
      }
    }

    @Override
    public void close() throws IOException {
      try {
        super.close();
      } finally {
        try {
          connection.close();
        } catch (IOException e) {
          log.debug("Closing the SFTP session of {} failed: {}", path, e.getMessage());
        }
      }
    }
  }
}
