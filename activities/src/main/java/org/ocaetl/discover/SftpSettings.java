package org.ocaetl.discover;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Where and how to fetch raw files over SFTP. The URI names the place
 * ({@code sftp://user@host[:port]/absolute/dir}, or {@code /~/dir} relative to the login folder);
 * secrets come only from the environment, and {@link #toString} never shows them.
 *
 * @param user login name
 * @param host server host name or address (as written in known_hosts)
 * @param port SSH port
 * @param directory folder of the raw files on the server
 * @param password password, or null
 * @param privateKey private key file (OpenSSH or PEM for RSA and ECDSA, OpenSSH for Ed25519), or null
 * @param privateKeyPassphrase passphrase of an encrypted private key, or null
 * @param knownHosts known_hosts file holding the server's host key: other keys are refused
 * @param timeout bound on connecting, authenticating, and waiting for any server response
 */
public record SftpSettings(
    String user,
    String host,
    int port,
    String directory,
    String password,
    Path privateKey,
    String privateKeyPassphrase,
    Path knownHosts,
    Duration timeout) {

  public static final int DEFAULT_PORT = 22;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  public SftpSettings {
    if (user == null || user.isBlank()) {
      throw new IllegalArgumentException("An sftp:// inbox needs a user: sftp://user@host/dir");
    }
    if (password == null && privateKey == null) {
      throw new IllegalArgumentException("An sftp:// inbox needs OCA_SFTP_PASSWORD or OCA_SFTP_PRIVATE_KEY");
    }
    if (privateKey != null && !Files.isReadable(privateKey)) {
      throw new IllegalArgumentException("OCA_SFTP_PRIVATE_KEY is not a readable file: " + privateKey);
    }
    if (!Files.isReadable(knownHosts)) {
      throw new IllegalArgumentException("No known_hosts file at " + knownHosts
          + " (set OCA_SFTP_KNOWN_HOSTS): the server's host key must be known in advance");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("The SFTP timeout must be positive: " + timeout);
    }
  }

  public static boolean isSftp(String uri) {
    return uri.startsWith("sftp://");
  }

  /**
   * Reads {@code OCA_SFTP_PASSWORD}, {@code OCA_SFTP_PRIVATE_KEY} (a file),
   * {@code OCA_SFTP_PRIVATE_KEY_PASSPHRASE}, {@code OCA_SFTP_KNOWN_HOSTS} (default
   * {@code ~/.ssh/known_hosts}) and {@code OCA_SFTP_TIMEOUT_SECONDS} (default 30).
   */
  public static SftpSettings fromUri(String uri, Map<String, String> env) {
    URI parsed;
    try {
      parsed = new URI(uri);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("Not an sftp:// URI", e);
    }
    if (!"sftp".equals(parsed.getScheme()) || parsed.getHost() == null) {
      throw new IllegalArgumentException("Expected sftp://user@host[:port]/dir");
    }
    String userInfo = parsed.getUserInfo();
    if (userInfo != null && userInfo.contains(":")) {
      throw new IllegalArgumentException("Put the SFTP password in OCA_SFTP_PASSWORD, never in the URI");
    }
    if (parsed.getRawQuery() != null || parsed.getRawFragment() != null) {
      throw new IllegalArgumentException("An sftp:// URI names only user, host, port and folder");
    }
    String knownHosts = blankToNull(env.get("OCA_SFTP_KNOWN_HOSTS"));
    String key = blankToNull(env.get("OCA_SFTP_PRIVATE_KEY"));
    return new SftpSettings(
        userInfo,
        parsed.getHost(),
        parsed.getPort() == -1 ? DEFAULT_PORT : parsed.getPort(),
        directory(parsed.getPath()),
        blankToNull(env.get("OCA_SFTP_PASSWORD")),
        key == null ? null : Path.of(key),
        blankToNull(env.get("OCA_SFTP_PRIVATE_KEY_PASSPHRASE")),
        knownHosts != null ? Path.of(knownHosts) : Path.of(System.getProperty("user.home"), ".ssh", "known_hosts"),
        timeout(env.get("OCA_SFTP_TIMEOUT_SECONDS")));
  }

  /** {@code /dir} is absolute; {@code /~/dir} (or nothing) is relative to the login folder. */
  private static String directory(String path) {
    if (path == null || path.isEmpty() || path.equals("/~") || path.equals("/~/")) {
      return ".";
    }
    if (path.startsWith("/~/")) {
      return path.substring(3);
    }
    return path;
  }

  private static Duration timeout(String seconds) {
    if (blankToNull(seconds) == null) {
      return DEFAULT_TIMEOUT;
    }
    try {
      return Duration.ofSeconds(Long.parseLong(seconds.trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("OCA_SFTP_TIMEOUT_SECONDS must be a whole number: " + seconds);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  /** The place, for logs: {@code sftp://user@host:port/dir}. */
  public String describe() {
    return "sftp://" + user + "@" + host + ":" + port + (directory.startsWith("/") ? directory : "/~/" + directory);
  }

  /** Never prints the password or passphrase. */
  @Override
  public String toString() {
    return "SftpSettings[" + describe() + ", auth=" + (privateKey != null ? "key " + privateKey : "")
        + (privateKey != null && password != null ? " + " : "") + (password != null ? "password" : "")
        + ", knownHosts=" + knownHosts + ", timeout=" + timeout + "]";
  }
}
