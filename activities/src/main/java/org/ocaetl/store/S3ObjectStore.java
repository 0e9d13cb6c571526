package org.ocaetl.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.transfer.s3.S3TransferManager;
import software.amazon.awssdk.transfer.s3.model.DownloadFileRequest;
import software.amazon.awssdk.transfer.s3.model.UploadFileRequest;

/**
 * The object store in an S3 bucket (or an S3-compatible server) under an optional key prefix,
 * through AWS SDK v2. Every object is written with SSE-S3 (AES256) and the metadata of
 * {@link ObjectMetadata#forKey}; streamed writes use bounded memory ({@link S3MultipartUpload});
 * files go through the Transfer Manager.
 */
public final class S3ObjectStore implements ObjectStore {
  private final S3Location location;
  private final S3Settings settings;
  private final S3AsyncClient client;
  private final S3TransferManager transfers;

  public S3ObjectStore(S3Location location, S3Settings settings) {
    this.location = location;
    this.settings = settings;
    this.client = S3Clients.build(settings);
    this.transfers = S3TransferManager.builder().s3Client(client).build();
  }

  public S3Location location() {
    return location;
  }

  @Override
  public void put(String key, Path file, String contentType) throws IOException {
    String objectKey = location.objectKey(key);
    ObjectMetadata metadata = ObjectMetadata.forKey(key, contentType);
    PutObjectRequest put =
        PutObjectRequest.builder()
            .bucket(location.bucket())
            .key(objectKey)
            .contentType(metadata.contentType())
            .cacheControl(metadata.cacheControl())
            .serverSideEncryption(ServerSideEncryption.AES256)
            .build();
    UploadFileRequest upload = UploadFileRequest.builder().putObjectRequest(put).source(file).build();
    S3Failures.join(transfers.uploadFile(upload).completionFuture(), "upload", objectKey);
  }

  @Override
  public void put(String key, InputStream content, String contentType) throws IOException {
    write(key, contentType, content::transferTo);
  }

  @Override
  public void write(String key, String contentType, ContentWriter writer) throws IOException {
    String objectKey = location.objectKey(key);
    try (S3MultipartUpload upload =
        new S3MultipartUpload(client, location.bucket(), objectKey, ObjectMetadata.forKey(key, contentType),
            S3Clients.crc32(settings), S3Clients.PART_SIZE)) {
      writer.writeTo(upload.stream());
      upload.complete();
    }
  }

  /**
   * Retries here until the response starts: the SDK retries the request, but a blocking-stream
   * transformer whose first attempt failed stays failed. Each call is given what is left of the
   * call timeout, so all attempts together end within it as for any other call. A failure while
   * reading the body reaches the caller (who restarts its work, e.g. the activity retry).
   */
  @Override
  public InputStream get(String key) throws IOException {
    String objectKey = location.objectKey(key);
    long deadline = System.nanoTime() + settings.callTimeout().toNanos();
    for (int attempt = 1; ; attempt++) {
      // at least 1 ms: past the deadline the call fails at once with the SDK's call timeout
      Duration left = Duration.ofNanos(Math.max(deadline - System.nanoTime(), 1_000_000));
      GetObjectRequest get = GetObjectRequest.builder().bucket(location.bucket()).key(objectKey)
          .overrideConfiguration(c -> c.apiCallTimeout(left)).build();
      try {
        return S3Failures.join(client.getObject(get, AsyncResponseTransformer.toBlockingInputStream()), "read", objectKey);
      } catch (IOException e) {
        if (System.nanoTime() >= deadline) {
          // The last attempt may end by its own timeout a moment before the call timeout fires:
          // either way the call's time is spent, and that is what the operator must change.
          throw S3Failures.callTimedOut("read", objectKey, e);
        }
        if (attempt >= settings.maxAttempts() || !S3Failures.isTransient(e)) {
          throw e;
        }
        S3Failures.backoff(attempt);
      }
    }
  }

  /** Downloads next to {@code target} and moves the complete file into place. */
  @Override
  public void download(String key, Path target) throws IOException {
    String objectKey = location.objectKey(key);
    Path folder = Files.createDirectories(target.toAbsolutePath().getParent());
    Path temp = Files.createTempFile(folder, ".download-", ".tmp");
    try {
      DownloadFileRequest download =
          DownloadFileRequest.builder()
              .getObjectRequest(b -> b.bucket(location.bucket()).key(objectKey))
              .destination(temp)
              .build();
      S3Failures.join(transfers.downloadFile(download).completionFuture(), "download", objectKey);
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  @Override
  public Optional<Long> size(String key) throws IOException {
    String objectKey = location.objectKey(key);
    try {
      return Optional.of(
          client.headObject(b -> b.bucket(location.bucket()).key(objectKey)).join().contentLength());
    } catch (RuntimeException e) {
      IOException failure = S3Failures.failure(e, "look-up", objectKey);
      if (failure instanceof java.nio.file.NoSuchFileException) {
        return Optional.empty();
      }
      throw failure;
    }
  }

  /** Pages through ListObjectsV2 with continuation tokens; nothing under the prefix is an empty list. */
  @Override
  public List<ListedObject> listObjects(String prefix) throws IOException {
    String fullPrefix = location.prefix() + prefix;
    List<ListedObject> objects = new ArrayList<>();
    String token = null;
    do {
      ListObjectsV2Request request =
          ListObjectsV2Request.builder()
              .bucket(location.bucket())
              .prefix(fullPrefix)
              .maxKeys(settings.listPageSize())
              .continuationToken(token)
              .build();
      ListObjectsV2Response page = S3Failures.join(client.listObjectsV2(request), "listing", fullPrefix);
      for (S3Object object : page.contents()) {
        objects.add(new ListedObject(object.key().substring(location.prefix().length()), object.size(), object.eTag()));
      }
      token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
    } while (token != null);
    objects.sort(Comparator.comparing(ListedObject::key));
    return objects;
  }

  @Override
  public String describe() {
    return location.toString();
  }

  @Override
  public void close() {
    transfers.close();
    client.close();
  }
}
