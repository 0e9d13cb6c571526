package org.ocaetl.store;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/** Opens the object store a URI names: a folder ({@code /dir}, {@code file:///dir}) or {@code s3://bucket/prefix}. */
public final class ObjectStores {
  private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");

  private ObjectStores() {}

  /** With the settings of this process's environment (see {@link S3Settings#fromEnvironment}). */
  public static ObjectStore open(String uri) throws IOException {
    return open(uri, System.getenv());
  }

  public static ObjectStore open(String uri, Map<String, String> env) throws IOException {
    if (S3Location.isS3(uri)) {
      return new S3ObjectStore(S3Location.parse(uri), S3Settings.fromEnvironment(env));
    }
    return new LocalObjectStore(localFolder(uri));
  }

  /** Fails on URIs no store understands, before anything is opened (for usage errors). */
  public static void check(String uri) {
    if (S3Location.isS3(uri)) {
      S3Location.parse(uri);
    } else {
      localFolder(uri);
    }
  }

  /** The folder of a {@code file:} URI or plain path. */
  public static Path localFolder(String uri) {
    if (uri.startsWith("file:")) {
      try {
        return Path.of(URI.create(uri));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Not a file:/// URI of a folder: " + uri, e);
      }
    }
    if (SCHEME.matcher(uri).find()) {
      throw new IllegalArgumentException("Unsupported store URI (use a folder, file:///dir or s3://bucket/prefix): " + uri);
    }
    return Path.of(uri);
  }
}
