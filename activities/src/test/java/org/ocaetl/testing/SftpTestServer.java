package org.ocaetl.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.common.keyprovider.KeyPairProvider;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * An embedded Apache MINA SSHD SFTP server on a free loopback port, serving a folder as its whole
 * file system. It has a freshly generated host key and accepts one user by password or by a
 * generated client key, both ECDSA P-256 or both Ed25519.
 */
public final class SftpTestServer implements AutoCloseable {
  public static final String USER = "oca";
  public static final String PASSWORD = "correct-horse-battery-staple";

  private final SshServer sshd;
  private final Path root;
  private final KeyPair hostKey;
  private final KeyPair clientKey;
  private final AtomicLong bytesRead = new AtomicLong();

  private SftpTestServer(Path root, KeyPair hostKey, KeyPair clientKey) throws IOException {
    this.root = root;
    this.hostKey = hostKey;
    this.clientKey = clientKey;
    sshd = SshServer.setUpDefaultServer();
    sshd.setHost("127.0.0.1");
    sshd.setPort(0);
    sshd.setKeyPairProvider(KeyPairProvider.wrap(hostKey));
    sshd.setPasswordAuthenticator((user, password, session) -> USER.equals(user) && PASSWORD.equals(password));
    sshd.setPublickeyAuthenticator(
        (user, key, session) -> USER.equals(user) && KeyUtils.compareKeys(key, clientKey.getPublic()));
    SftpSubsystemFactory sftp = new SftpSubsystemFactory();
    sftp.addSftpEventListener(new SftpEventListener() {
      @Override
      public void read(ServerSession session, String remoteHandle, FileHandle localHandle, long offset, byte[] data,
          int dataOffset, int dataLen, int readLen, Throwable thrown) {
        if (readLen > 0) {
          bytesRead.addAndGet(readLen);
        }
      }
    });
    sshd.setSubsystemFactories(List.of(sftp));
    sshd.setFileSystemFactory(new VirtualFileSystemFactory(root));
    sshd.start();
  }

  /** Serves {@code root} (which becomes "/" for the client). */
  public static SftpTestServer start(Path root) throws IOException {
    return new SftpTestServer(root, ecKey(), ecKey());
  }

  /**
   * As {@link #start}, with an Ed25519 host key and client key, generated through SSHD's EdDSA
   * support (which needs an EdDSA provider such as Bouncy Castle on the class path).
   */
  public static SftpTestServer startEd25519(Path root) throws IOException, GeneralSecurityException {
    return new SftpTestServer(root, ed25519Key(), ed25519Key());
  }

  /** Bytes of file content the server has sent to clients so far (listings and stats not counted). */
  public long bytesRead() {
    return bytesRead.get();
  }

  public int port() {
    return sshd.getPort();
  }

  public Path root() {
    return root;
  }

  /** {@code sftp://oca@127.0.0.1:<port><dir>} */
  public String uri(int port, String dir) {
    return "sftp://" + USER + "@127.0.0.1:" + port + dir;
  }

  /** A known_hosts file naming this server's host key for 127.0.0.1 on each port. */
  public Path writeKnownHosts(Path file, int... ports) throws IOException {
    StringBuilder lines = new StringBuilder();
    for (int port : ports) {
      lines.append("[127.0.0.1]:").append(port).append(' ').append(PublicKeyEntry.toString(hostKey.getPublic())).append('\n');
    }
    return Files.writeString(file, lines);
  }

  /** A known_hosts file naming another key for 127.0.0.1 on {@code port}, as after a server swap. */
  public static Path writeWrongKnownHosts(Path file, int port) throws IOException {
    return Files.writeString(file, "[127.0.0.1]:" + port + " " + PublicKeyEntry.toString(ecKey().getPublic()) + "\n");
  }

  /** The client's private key in OpenSSH format (what ssh-keygen writes). */
  public Path writeClientKey(Path file) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(clientKey, "oca-test", null, out);
    } catch (GeneralSecurityException e) {
      throw new IOException(e);
    }
    return file;
  }

  /** The environment of an inbox that logs in with the password. */
  public Map<String, String> passwordEnvironment(Path knownHosts) {
    Map<String, String> env = new HashMap<>();
    env.put("OCA_SFTP_PASSWORD", PASSWORD);
    env.put("OCA_SFTP_KNOWN_HOSTS", knownHosts.toString());
    env.put("OCA_SFTP_TIMEOUT_SECONDS", "10");
    return env;
  }

  private static KeyPair ed25519Key() throws GeneralSecurityException {
    return KeyUtils.generateKeyPair(KeyPairProvider.SSH_ED25519, 256);
  }

  private static KeyPair ecKey() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(256);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Every JVM generates EC keys", e);
    }
  }

  @Override
  public void close() throws IOException {
    sshd.stop(true);
  }
}
