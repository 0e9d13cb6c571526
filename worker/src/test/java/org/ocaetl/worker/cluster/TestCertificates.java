package org.ocaetl.worker.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;

/**
 * Throw-away self-signed certificates for the TLS tests, made at test time with the JDK's keytool
 * (no key material lives in the repository) and written as PEM, the format operators mount.
 */
final class TestCertificates {
  private static final String STORE_PASSWORD = "test-only";

  private TestCertificates() {}

  /** A certificate and its PKCS#8 key, both PEM files. */
  record Pem(Path cert, Path key) {}

  /**
   * A self-signed EC certificate for {@code commonName}.
   *
   * @param subjectAltName keytool SAN syntax (e.g. {@code dns:temporal.test}), or null
   */
  static Pem selfSigned(Path dir, String commonName, String subjectAltName) throws Exception {
    Path store = dir.resolve(commonName + ".p12");
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "key", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + commonName, "-validity", "2", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", STORE_PASSWORD, "-keypass", STORE_PASSWORD));
    if (subjectAltName != null) {
      command.addAll(List.of("-ext", "SAN=" + subjectAltName));
    }
    Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(keytool.getInputStream().readAllBytes());
    if (keytool.waitFor() != 0) {
      throw new IOException("keytool failed: " + output);
    }
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keys.load(in, STORE_PASSWORD.toCharArray());
    }
    Certificate cert = keys.getCertificate("key");
    PrivateKey key = (PrivateKey) keys.getKey("key", STORE_PASSWORD.toCharArray());
    return new Pem(
        Files.writeString(dir.resolve(commonName + ".crt"), pem("CERTIFICATE", cert.getEncoded())),
        Files.writeString(dir.resolve(commonName + ".key"), pem("PRIVATE KEY", key.getEncoded())));
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
        + "\n-----END " + type + "-----\n";
  }
}
