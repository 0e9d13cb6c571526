package org.ocaetl.store;

import java.util.ArrayList;
import java.util.List;

/**
 * How S3 assembles one object from a head and source objects (docs/storage.md#published-parts):
 * the parts of a multipart upload, each either a range of one source copied by S3 itself
 * ({@code UploadPartCopy}) or bytes the worker reads and uploads. S3 wants every part but the last
 * to be at least 5 MiB: a source that large is copied, small neighbours (the head, small sources,
 * the first bytes of a large source that follows them) are combined into uploaded parts of at least
 * 5 MiB. An uploaded part stays below 10 MiB, so memory is bounded whatever the sources.
 */
final class ComposePlan {
  /** S3's minimum size of a part that is not the last. */
  static final long MIN_PART = 5L << 20;
  /** S3's maximum size of one copied range is 5 GiB; copies are cut well below it. */
  static final long MAX_COPY = 4L << 30;

  /** Bytes {@code first..last} (inclusive) of source {@code source} (-1: the head). */
  record Range(int source, long first, long last) {
    long size() {
      return last - first + 1;
    }
  }

  /** One part of the upload: copied by S3 (a single range) or uploaded by the worker. */
  record Part(boolean copied, List<Range> ranges) {
    long size() {
      return ranges.stream().mapToLong(Range::size).sum();
    }
  }

  private final List<Part> parts = new ArrayList<>();
  private final List<Range> pending = new ArrayList<>();
  private long pendingSize;

  private ComposePlan() {}

  /** The parts for a head of {@code headSize} bytes followed by sources of {@code sourceSizes}. */
  static List<Part> of(long headSize, List<Long> sourceSizes) {
    ComposePlan plan = new ComposePlan();
    plan.add(-1, headSize);
    for (int i = 0; i < sourceSizes.size(); i++) {
      plan.add(i, sourceSizes.get(i));
    }
    plan.endUploadedPart();
    return List.copyOf(plan.parts);
  }

  private void add(int source, long size) {
    long fill = pendingSize > 0 ? MIN_PART - pendingSize : 0;
    if (size - fill < MIN_PART) {
      upload(new Range(source, 0, size - 1), size);
      return;
    }
    if (fill > 0) {
      upload(new Range(source, 0, fill - 1), fill);
    }
    long first = fill;
    while (first < size) {
      long rest = size - first;
      long length = rest <= MAX_COPY ? rest : (rest - MAX_COPY < MIN_PART ? rest - MIN_PART : MAX_COPY);
      parts.add(new Part(true, List.of(new Range(source, first, first + length - 1))));
      first += length;
    }
  }

  private void upload(Range range, long size) {
    if (size <= 0) {
      return;
    }
    pending.add(range);
    pendingSize += size;
    if (pendingSize >= MIN_PART) {
      endUploadedPart();
    }
  }

  private void endUploadedPart() {
    if (pendingSize > 0) {
      parts.add(new Part(false, List.copyOf(pending)));
      pending.clear();
      pendingSize = 0;
    }
  }
}
