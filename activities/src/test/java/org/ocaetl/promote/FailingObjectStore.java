package org.ocaetl.promote;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.ocaetl.store.ObjectStore;

/**
 * A real store whose n-th {@code get} fails, as a network store can mid-promotion (a failure the
 * local store cannot produce on its own).
 */
final class FailingObjectStore implements ObjectStore {
  private final ObjectStore delegate;
  private final int failingGet;
  private final AtomicInteger gets = new AtomicInteger();

  FailingObjectStore(ObjectStore delegate, int failingGet) {
    this.delegate = delegate;
    this.failingGet = failingGet;
  }

  @Override
  public InputStream get(String key) throws IOException {
    if (gets.incrementAndGet() == failingGet) {
      throw new IOException("Injected failure reading " + key);
    }
    return delegate.get(key);
  }

  @Override
  public void put(String key, Path file, String contentType) throws IOException {
    delegate.put(key, file, contentType);
  }

  @Override
  public void put(String key, InputStream content, String contentType) throws IOException {
    delegate.put(key, content, contentType);
  }

  @Override
  public void write(String key, String contentType, ContentWriter writer) throws IOException {
    delegate.write(key, contentType, writer);
  }

  @Override
  public void download(String key, Path target) throws IOException {
    delegate.download(key, target);
  }

  @Override
  public Optional<Long> size(String key) throws IOException {
    return delegate.size(key);
  }

  @Override
  public List<String> list(String prefix) throws IOException {
    return delegate.list(prefix);
  }

  @Override
  public String describe() {
    return "failing(" + delegate.describe() + ")";
  }
}
