package org.ocaetl.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/**
 * An object of unknown length written through an {@link OutputStream}, with bounded memory: bytes
 * collect in a part buffer (growing up to {@link S3Clients#PART_SIZE}); each full buffer is sent as
 * one part while the next one fills, so at most two part buffers exist. Content that fits one part
 * is sent as a single PUT. The object appears only on {@link #complete}; {@link #close} without it
 * aborts the multipart upload, so a failed writer leaves nothing behind.
 */
final class S3MultipartUpload implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(S3MultipartUpload.class);
  private static final int FIRST_BUFFER = 64 << 10;

  private final S3AsyncClient client;
  private final String bucket;
  private final String key;
  private final ObjectMetadata metadata;
  private final boolean crc32;
  private final int partSize;
  private final List<CompletedPart> parts = new ArrayList<>();
  private final OutputStream stream = new PartStream();

  private byte[] buffer = new byte[FIRST_BUFFER];
  private int filled;
  private String uploadId;
  private CompletableFuture<CompletedPart> inFlight;
  private byte[] inFlightBuffer;
  private byte[] spare;
  private boolean completed;

  S3MultipartUpload(S3AsyncClient client, String bucket, String key, ObjectMetadata metadata, boolean crc32, int partSize) {
    this.client = client;
    this.bucket = bucket;
    this.key = key;
    this.metadata = metadata;
    this.crc32 = crc32;
    this.partSize = partSize;
  }

  /** Where the content goes; closing it does not complete the object (see {@link #complete}). */
  OutputStream stream() {
    return stream;
  }

  /** Sends what is buffered and makes the object visible. */
  void complete() throws IOException {
    if (uploadId == null) {
      PutObjectRequest put =
          PutObjectRequest.builder()
              .bucket(bucket)
              .key(key)
              .contentType(metadata.contentType())
              .cacheControl(metadata.cacheControl())
              .serverSideEncryption(ServerSideEncryption.AES256)
              .contentLength((long) filled)
              .build();
      S3Failures.join(client.putObject(put, body(buffer, filled)), "upload", key);
    } else {
      if (filled > 0) {
        sendPart();
      }
      awaitPart();
      S3Failures.join(
          client.completeMultipartUpload(
              b -> b.bucket(bucket).key(key).uploadId(uploadId).multipartUpload(m -> m.parts(parts))),
          "complete upload",
          key);
    }
    completed = true;
  }

  /** Aborts the multipart upload unless it completed (best effort: a lifecycle rule cleans up leftovers). */
  @Override
  public void close() {
    if (completed || uploadId == null) {
      return;
    }
    if (inFlight != null) {
      inFlight.exceptionally(e -> null).join();
    }
    try {
      S3Failures.join(
          client.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)), "abort upload", key);
    } catch (IOException e) {
      log.warn("Could not abort the multipart upload of {}: {}", key, e.getMessage());
    }
  }

  private void write(byte[] bytes, int offset, int length) throws IOException {
    Objects.checkFromIndexSize(offset, length, bytes.length);
    while (length > 0) {
      if (filled == buffer.length) {
        if (buffer.length < partSize) {
          buffer = Arrays.copyOf(buffer, Math.min(partSize, buffer.length * 2));
        } else {
          sendPart();
        }
      }
      int n = Math.min(length, buffer.length - filled);
      System.arraycopy(bytes, offset, buffer, filled, n);
      filled += n;
      offset += n;
      length -= n;
    }
  }

  /** Starts uploading the buffer as the next part, after the previous part finished. */
  private void sendPart() throws IOException {
    if (uploadId == null) {
      CreateMultipartUploadRequest.Builder create =
          CreateMultipartUploadRequest.builder()
              .bucket(bucket)
              .key(key)
              .contentType(metadata.contentType())
              .cacheControl(metadata.cacheControl())
              .serverSideEncryption(ServerSideEncryption.AES256);
      if (crc32) {
        create.checksumAlgorithm(ChecksumAlgorithm.CRC32);
      }
      uploadId = S3Failures.join(client.createMultipartUpload(create.build()), "start upload", key).uploadId();
    }
    awaitPart();
    int partNumber = parts.size() + 1;
    UploadPartRequest.Builder part =
        UploadPartRequest.builder()
            .bucket(bucket)
            .key(key)
            .uploadId(uploadId)
            .partNumber(partNumber)
            .contentLength((long) filled);
    if (crc32) {
      part.checksumAlgorithm(ChecksumAlgorithm.CRC32);
    }
    inFlight =
        client.uploadPart(part.build(), body(buffer, filled))
            .thenApply(r -> CompletedPart.builder().partNumber(partNumber).eTag(r.eTag()).checksumCRC32(r.checksumCRC32()).build());
    inFlightBuffer = buffer;
    buffer = spare != null ? spare : new byte[partSize];
    spare = null;
    filled = 0;
  }

  private void awaitPart() throws IOException {
    if (inFlight == null) {
      return;
    }
    CompletableFuture<CompletedPart> part = inFlight;
    inFlight = null;
    parts.add(S3Failures.join(part, "upload part " + (parts.size() + 1), key));
    spare = inFlightBuffer;
    inFlightBuffer = null;
  }

  /** The SDK reads the bytes without copying them (they stay untouched until the call ends). */
  private static AsyncRequestBody body(byte[] bytes, int length) {
    return AsyncRequestBody.fromRemainingByteBufferUnsafe(ByteBuffer.wrap(bytes, 0, length));
  }

  private final class PartStream extends OutputStream {
    @Override
    public void write(int b) throws IOException {
      S3MultipartUpload.this.write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      S3MultipartUpload.this.write(bytes, offset, length);
    }

    /** The upload, not the writer, decides when the object is complete. */
    @Override
    public void close() {}
  }
}
