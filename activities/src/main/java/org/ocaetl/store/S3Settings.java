package org.ocaetl.store;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * How to reach S3 or an S3-compatible server. Everything comes from the standard AWS environment
 * so the same flags work against AWS and a local server; {@link #toString} never shows credentials.
 *
 * @param region signing region; null lets the SDK's region chain decide (profile, instance metadata)
 * @param endpoint endpoint override for S3-compatible servers; null for AWS
 * @param pathStyle {@code http://host/bucket/key} instead of virtual-hosted buckets
 * @param checksums when the SDK adds request checksums and validates response ones
 * @param maxAttempts attempts per request (the first plus retries with jittered exponential backoff)
 * @param listPageSize keys per ListObjectsV2 page (1000 is the S3 maximum)
 * @param attemptTimeout bound on one attempt of a request, from sending it to its response (for a
 *     read, to the start of the body, which the caller streams); past it the attempt is retried
 * @param callTimeout bound on a request with all its attempts and backoff; past it the call fails
 * @param credentials where the credentials come from
 */
public record S3Settings(
    String region,
    URI endpoint,
    boolean pathStyle,
    ChecksumMode checksums,
    int maxAttempts,
    int listPageSize,
    Duration attemptTimeout,
    Duration callTimeout,
    AwsCredentialsProvider credentials) {

  public static final int DEFAULT_MAX_ATTEMPTS = 5;
  public static final int DEFAULT_LIST_PAGE_SIZE = 1000;
  /** The region used against an endpoint override when none is configured (S3-compatible servers ignore it). */
  public static final String DEFAULT_ENDPOINT_REGION = "us-east-1";
  /** Establishing a connection; longer means the endpoint is unreachable. */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  /** Silence on an open connection before the attempt fails (and is retried). */
  public static final Duration READ_TIMEOUT = Duration.ofSeconds(60);
  /**
   * One attempt: the largest request body is a 16 MiB single upload (8 MiB parts above that), 30 s
   * at 4.5 Mbit/s. It also cuts a response that trickles in too slowly for the read timeout.
   */
  public static final Duration DEFAULT_ATTEMPT_TIMEOUT = Duration.ofSeconds(30);
  /** All attempts of one request: five 30 s attempts plus their backoff fit. */
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofMinutes(5);

  /**
   * {@code WHEN_SUPPORTED} is the SDK default for AWS (CRC32 on every upload, validation of
   * downloads); {@code WHEN_REQUIRED} is for S3-compatible servers that reject the aws-chunked
   * checksum trailer (docs/storage.md).
   */
  public enum ChecksumMode {
    WHEN_SUPPORTED,
    WHEN_REQUIRED
  }

  public S3Settings {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
    }
    if (listPageSize < 1 || listPageSize > 1000) {
      throw new IllegalArgumentException("listPageSize must be 1..1000: " + listPageSize);
    }
    if (attemptTimeout.isNegative() || attemptTimeout.isZero() || callTimeout.compareTo(attemptTimeout) < 0) {
      throw new IllegalArgumentException("S3 timeouts must be positive, the call's at least the attempt's: attempt "
          + attemptTimeout + ", call " + callTimeout);
    }
    if (endpoint != null && (endpoint.getScheme() == null || endpoint.getHost() == null
        || endpoint.getRawUserInfo() != null)) {
      throw new IllegalArgumentException("Not an endpoint URL (scheme://host[:port], no credentials): "
          + endpoint.getScheme() + "://" + endpoint.getHost());
    }
  }

  /**
   * Reads {@code AWS_REGION} (or {@code AWS_DEFAULT_REGION}), {@code AWS_ENDPOINT_URL_S3} (or
   * {@code AWS_ENDPOINT_URL}), {@code OCA_S3_PATH_STYLE}, {@code OCA_S3_CHECKSUMS} and
   * {@code OCA_S3_MAX_ATTEMPTS}, {@code OCA_S3_ATTEMPT_TIMEOUT_SECONDS} and
   * {@code OCA_S3_CALL_TIMEOUT_SECONDS}. Credentials: {@code AWS_ACCESS_KEY_ID} /
   * {@code AWS_SECRET_ACCESS_KEY} (/ {@code AWS_SESSION_TOKEN}) when {@code env} holds them, else
   * the SDK's default chain (system properties, web identity, profile, container, instance role).
   */
  public static S3Settings fromEnvironment(Map<String, String> env) {
    URI endpoint = endpoint(first(env, "AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL"));
    String region = first(env, "AWS_REGION", "AWS_DEFAULT_REGION");
    if (region == null && endpoint != null) {
      region = DEFAULT_ENDPOINT_REGION;
    }
    return new S3Settings(
        region,
        endpoint,
        flag(env, "OCA_S3_PATH_STYLE"),
        checksums(env.get("OCA_S3_CHECKSUMS")),
        integer(env, "OCA_S3_MAX_ATTEMPTS", DEFAULT_MAX_ATTEMPTS),
        DEFAULT_LIST_PAGE_SIZE,
        Duration.ofSeconds(integer(env, "OCA_S3_ATTEMPT_TIMEOUT_SECONDS", (int) DEFAULT_ATTEMPT_TIMEOUT.toSeconds())),
        Duration.ofSeconds(integer(env, "OCA_S3_CALL_TIMEOUT_SECONDS", (int) DEFAULT_CALL_TIMEOUT.toSeconds())),
        credentials(env));
  }

  /** Settings for a local S3-compatible server with fixed credentials (tests, local runs). */
  public static S3Settings forEndpoint(URI endpoint, String accessKeyId, String secretAccessKey, ChecksumMode checksums) {
    return new S3Settings(DEFAULT_ENDPOINT_REGION, endpoint, true, checksums, DEFAULT_MAX_ATTEMPTS,
        DEFAULT_LIST_PAGE_SIZE, DEFAULT_ATTEMPT_TIMEOUT, DEFAULT_CALL_TIMEOUT, StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey)));
  }

  public S3Settings withListPageSize(int keys) {
    return new S3Settings(region, endpoint, pathStyle, checksums, maxAttempts, keys, attemptTimeout, callTimeout, credentials);
  }

  public S3Settings withMaxAttempts(int attempts) {
    return new S3Settings(
        region, endpoint, pathStyle, checksums, attempts, listPageSize, attemptTimeout, callTimeout, credentials);
  }

  public S3Settings withEndpoint(URI url) {
    return new S3Settings(region, url, pathStyle, checksums, maxAttempts, listPageSize, attemptTimeout, callTimeout, credentials);
  }

  public S3Settings withTimeouts(Duration attempt, Duration call) {
    return new S3Settings(region, endpoint, pathStyle, checksums, maxAttempts, listPageSize, attempt, call, credentials);
  }

  private static AwsCredentialsProvider credentials(Map<String, String> env) {
    String keyId = env.get("AWS_ACCESS_KEY_ID");
    String secret = env.get("AWS_SECRET_ACCESS_KEY");
    if (isBlank(keyId) || isBlank(secret)) {
      return DefaultCredentialsProvider.builder().build();
    }
    String token = env.get("AWS_SESSION_TOKEN");
    return StaticCredentialsProvider.create(isBlank(token)
        ? AwsBasicCredentials.create(keyId, secret)
        : AwsSessionCredentials.create(keyId, secret, token));
  }

  private static URI endpoint(String value) {
    if (value == null) {
      return null;
    }
    try {
      return URI.create(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("AWS_ENDPOINT_URL(_S3) is not a URL");
    }
  }

  private static ChecksumMode checksums(String value) {
    if (isBlank(value)) {
      return ChecksumMode.WHEN_SUPPORTED;
    }
    try {
      return ChecksumMode.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("OCA_S3_CHECKSUMS must be when_supported or when_required: " + value);
    }
  }

  private static boolean flag(Map<String, String> env, String name) {
    String value = env.get(name);
    if (isBlank(value)) {
      return false;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true", "1", "yes" -> true;
      case "false", "0", "no" -> false;
      default -> throw new IllegalArgumentException(name + " must be true or false: " + value);
    };
  }

  private static int integer(Map<String, String> env, String name, int fallback) {
    String value = env.get(name);
    if (isBlank(value)) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a whole number: " + value);
    }
  }

  private static String first(Map<String, String> env, String... names) {
    for (String name : names) {
      if (!isBlank(env.get(name))) {
        return env.get(name).trim();
      }
    }
    return null;
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  /** Never prints credentials. */
  @Override
  public String toString() {
    return "S3Settings[region=" + region + ", endpoint=" + endpoint + ", pathStyle=" + pathStyle + ", checksums="
        + checksums + ", maxAttempts=" + maxAttempts + ", listPageSize=" + listPageSize + ", attemptTimeout="
        + attemptTimeout + ", callTimeout=" + callTimeout + "]";
  }
}
