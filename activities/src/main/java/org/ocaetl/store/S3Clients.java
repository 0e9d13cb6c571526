package org.ocaetl.store;

import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;

/**
 * Builds the one kind of S3 client oca-etl uses: the Java-based async client with its own
 * multipart support (no CRT: no native memory outside the heap), Netty underneath, the standard
 * retry strategy (jittered exponential backoff on 5xx, throttling, connection errors and attempts
 * past the attempt timeout), and a bound on each call with all its attempts.
 */
final class S3Clients {
  /** Part size of multipart uploads: S3's minimum is 5 MiB, 10,000 parts make 80 GB objects. */
  static final int PART_SIZE = 8 << 20;
  /** Objects above this size are uploaded in parts by the SDK's multipart client. */
  private static final long MULTIPART_THRESHOLD = 16L << 20;
  /** Bytes the SDK's multipart client buffers per call (uploads of files and downloads). */
  private static final long CALL_BUFFER = 2L * PART_SIZE;
  /** Parallel HTTP connections: a worker moves a few large objects at a time. */
  private static final int MAX_CONNECTIONS = 16;

  private S3Clients() {}

  static S3AsyncClient build(S3Settings settings) {
    boolean crc = settings.checksums() == S3Settings.ChecksumMode.WHEN_SUPPORTED;
    S3AsyncClientBuilder builder =
        S3AsyncClient.builder()
            .credentialsProvider(settings.credentials())
            .forcePathStyle(settings.pathStyle())
            .requestChecksumCalculation(
                crc ? RequestChecksumCalculation.WHEN_SUPPORTED : RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(
                crc ? ResponseChecksumValidation.WHEN_SUPPORTED : ResponseChecksumValidation.WHEN_REQUIRED)
            .multipartEnabled(true)
            .multipartConfiguration(
                c -> c.minimumPartSizeInBytes((long) PART_SIZE)
                    .thresholdInBytes(MULTIPART_THRESHOLD)
                    .apiCallBufferSizeInBytes(CALL_BUFFER))
            .httpClientBuilder(
                NettyNioAsyncHttpClient.builder()
                    .connectionTimeout(S3Settings.CONNECT_TIMEOUT)
                    .readTimeout(S3Settings.READ_TIMEOUT)
                    .writeTimeout(S3Settings.READ_TIMEOUT)
                    .maxConcurrency(MAX_CONNECTIONS))
            .overrideConfiguration(
                o -> o.retryStrategy(retryStrategy(settings.maxAttempts()))
                    .apiCallAttemptTimeout(settings.attemptTimeout())
                    .apiCallTimeout(settings.callTimeout()));
    if (settings.region() != null) {
      builder.region(Region.of(settings.region()));
    }
    if (settings.endpoint() != null) {
      builder.endpointOverride(settings.endpoint());
    }
    return builder.build();
  }

  /**
   * The SDK's standard strategy, also retrying an attempt timeout that reaches it wrapped: when the
   * timer and Netty race, the timeout arrives as the cause of Netty's cancelled request, which the
   * standard predicates do not retry (a CI run failed so, after 2 of 5 attempts).
   */
  static RetryStrategy retryStrategy(int maxAttempts) {
    return AwsRetryStrategy.standardRetryStrategy().toBuilder()
        .maxAttempts(maxAttempts)
        .retryOnException(S3Clients::causedByAnAttemptTimeout)
        .build();
  }

  private static boolean causedByAnAttemptTimeout(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ApiCallAttemptTimeoutException) {
        return true;
      }
    }
    return false;
  }

  static boolean crc32(S3Settings settings) {
    return settings.checksums() == S3Settings.ChecksumMode.WHEN_SUPPORTED;
  }
}
