package org.ocaetl.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

/**
 * A bucket and a key prefix, from {@code s3://bucket} or {@code s3://bucket/some/prefix}.
 *
 * @param bucket the bucket name
 * @param prefix "" or a prefix ending in '/', prepended to every key
 */
public record S3Location(String bucket, String prefix) {
  /** S3 bucket naming rules (lower case, digits, dots and hyphens, 3 to 63 characters). */
  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

  public S3Location {
    if (!BUCKET.matcher(bucket).matches()) {
      throw new IllegalArgumentException("Not an S3 bucket name: " + bucket);
    }
    if (!prefix.isEmpty()) {
      StoreKeys.requireKey(prefix.substring(0, prefix.length() - 1));
    }
  }

  public static boolean isS3(String uri) {
    return uri.startsWith("s3://");
  }

  /** Parses {@code s3://bucket[/prefix]}; user info, query and fragment are refused. */
  public static S3Location parse(String uri) {
    URI parsed;
    try {
      parsed = new URI(uri);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("Not an s3:// URI: " + uri, e);
    }
    if (!"s3".equals(parsed.getScheme()) || parsed.getHost() == null) {
      throw new IllegalArgumentException("Expected s3://bucket[/prefix]: " + uri);
    }
    if (parsed.getRawUserInfo() != null || parsed.getRawQuery() != null || parsed.getRawFragment() != null
        || parsed.getPort() != -1) {
      throw new IllegalArgumentException("An s3:// URI names only a bucket and a prefix: " + parsed.getHost());
    }
    String path = parsed.getPath() == null ? "" : parsed.getPath();
    String trimmed = path.replaceAll("^/+", "").replaceAll("/+$", "");
    return new S3Location(parsed.getHost(), trimmed.isEmpty() ? "" : trimmed + "/");
  }

  /** The full key of a store key (the prefix plus the key). */
  public String objectKey(String key) {
    return prefix + StoreKeys.requireKey(key);
  }

  @Override
  public String toString() {
    return "s3://" + bucket + "/" + prefix;
  }
}
