package org.ocaetl.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.ocaetl.store.ListedObject;
import org.ocaetl.store.ObjectStore;

/**
 * A real store whose reads can be made to fail once, as a network store can fail in the middle
 * of a promotion or a download — a failure the local store cannot produce on its own.
 */
public final class FailingObjectStore implements ObjectStore {
  private final ObjectStore real;
  private final AtomicInteger reads = new AtomicInteger();
  private volatile int failingRead;
  private volatile Runnable onFailingRead;
  private volatile String failNextReadOf;

  public FailingObjectStore(ObjectStore real) {
    this.real = real;
  }

  /** The {@code n}-th read (get or download, counted from now) fails. */
  public FailingObjectStore failNthRead(int n) {
    reads.set(0);
    failingRead = n;
    onFailingRead = null;
    return this;
  }

  /**
   * Just before the {@code n}-th read (counted from now), {@code fault} runs and the read then
   * proceeds: a fault elsewhere (e.g. in the database) at a chosen point of a promotion.
   */
  public FailingObjectStore beforeNthRead(int n, Runnable fault) {
    reads.set(0);
    failingRead = n;
    onFailingRead = fault;
    return this;
  }

  /** The next read of {@code key} fails. */
  public FailingObjectStore failNextReadOf(String key) {
    failNextReadOf = key;
    return this;
  }

  private void beforeRead(String key) throws IOException {
    boolean nth = reads.incrementAndGet() == failingRead;
    boolean named = key.equals(failNextReadOf);
    if (named) {
      failNextReadOf = null;
    }
    Runnable fault = onFailingRead;
    if (nth && fault != null) {
      fault.run();
    } else if (nth || named) {
      throw new IOException("Injected failure reading " + key);
    }
  }

  @Override
  public InputStream get(String key) throws IOException {
    beforeRead(key);
    return real.get(key);
  }

  @Override
  public void download(String key, Path target) throws IOException {
    beforeRead(key);
    real.download(key, target);
  }

  @Override
  public void put(String key, Path file, String contentType) throws IOException {
    real.put(key, file, contentType);
  }

  @Override
  public void put(String key, InputStream content, String contentType) throws IOException {
    real.put(key, content, contentType);
  }

  @Override
  public void write(String key, String contentType, ContentWriter writer) throws IOException {
    real.write(key, contentType, writer);
  }

  @Override
  public Optional<Long> size(String key) throws IOException {
    return real.size(key);
  }

  @Override
  public List<ListedObject> listObjects(String prefix) throws IOException {
    return real.listObjects(prefix);
  }

  @Override
  public String describe() {
    return real.describe();
  }

  @Override
  public void close() throws IOException {
    real.close();
  }
}
