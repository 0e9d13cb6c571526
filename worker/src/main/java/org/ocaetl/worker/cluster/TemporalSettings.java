package org.ocaetl.worker.cluster;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How to reach the Temporal cluster.
 *
 * @param address frontend {@code host:port}
 * @param namespace the namespace of the oca workflows
 * @param taskQueue the shared task queue
 * @param tls connect with TLS even without client certificate, CA or API key
 * @param tlsCert client certificate chain (PEM) for mTLS, or null
 * @param tlsKey client private key (PKCS#8 PEM) for mTLS, or null
 * @param tlsCa CA certificates (PEM) to trust instead of the JVM's, or null
 * @param tlsServerName name to verify the server certificate against, or null for the host
 * @param apiKey Temporal Cloud API key, or null; never printed
 */
public record TemporalSettings(
    String address,
    String namespace,
    String taskQueue,
    boolean tls,
    Path tlsCert,
    Path tlsKey,
    Path tlsCa,
    String tlsServerName,
    String apiKey) {

  public TemporalSettings {
    requireText(address, "the Temporal address");
    if (!address.matches("(\\[[0-9a-fA-F:.]+]|[^:/\\s\\[\\]]+):\\d{1,5}")) {
      throw new IllegalArgumentException("the Temporal address must be host:port, not '" + address + "'");
    }
    requireText(namespace, "the namespace");
    requireText(taskQueue, "the task queue");
    if ((tlsCert == null) != (tlsKey == null)) {
      throw new IllegalArgumentException("mTLS needs both --tls-cert and --tls-key (OCA_TEMPORAL_TLS_CERT/KEY)");
    }
    for (Path file : new Path[] {tlsCert, tlsKey, tlsCa}) {
      if (file != null && !Files.isReadable(file)) {
        throw new IllegalArgumentException("cannot read " + file);
      }
    }
  }

  /** A plain-text connection to {@code address} (tests and local clusters). */
  public static TemporalSettings plain(String address, String namespace, String taskQueue) {
    return new TemporalSettings(address, namespace, taskQueue, false, null, null, null, null, null);
  }

  /** Whether the connection uses TLS at all. */
  public boolean usesTls() {
    return tls || tlsCert != null || tlsCa != null || apiKey != null;
  }

  /** One line for logs; says whether an API key is set, never what it is. */
  public String describe() {
    String security =
        !usesTls() ? "plain text"
            : "TLS" + (tlsCert != null ? ", client certificate " + tlsCert : "")
                + (tlsCa != null ? ", CA " + tlsCa : "")
                + (tlsServerName != null ? ", server name " + tlsServerName : "")
                + (apiKey != null ? ", API key" : "");
    return address + " namespace " + namespace + " task queue " + taskQueue + " (" + security + ")";
  }

  @Override
  public String toString() {
    return "TemporalSettings[" + describe() + "]";
  }

  private static void requireText(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
  }
}
