package org.ocaetl.discover;

import java.util.Map;
import org.ocaetl.store.ObjectStores;
import org.ocaetl.store.S3Location;
import org.ocaetl.store.S3ObjectStore;
import org.ocaetl.store.S3Settings;

/**
 * Opens the raw inbox a URI names: a folder ({@code /dir}, {@code file:///dir}),
 * {@code s3://bucket/prefix} (S3 settings as for the store) or {@code sftp://user@host[:port]/dir}
 * (secrets from {@code OCA_SFTP_*}, see {@link SftpSettings#fromUri}).
 */
public final class RawInboxes {
  private RawInboxes() {}

  public static RawInbox open(String uri) {
    return open(uri, System.getenv());
  }

  public static RawInbox open(String uri, Map<String, String> env) {
    if (SftpSettings.isSftp(uri)) {
      return new SftpInbox(SftpSettings.fromUri(uri, env));
    }
    if (S3Location.isS3(uri)) {
      return new StoreInbox(new S3ObjectStore(S3Location.parse(uri), S3Settings.fromEnvironment(env)));
    }
    return new LocalFolderInbox(ObjectStores.localFolder(uri));
  }

  /** Fails on URIs (and missing SFTP settings) before anything connects, for usage errors. */
  public static void check(String uri, Map<String, String> env) {
    if (SftpSettings.isSftp(uri)) {
      SftpSettings.fromUri(uri, env);
    } else if (S3Location.isS3(uri)) {
      S3Location.parse(uri);
      S3Settings.fromEnvironment(env);
    } else {
      ObjectStores.localFolder(uri);
    }
  }
}
