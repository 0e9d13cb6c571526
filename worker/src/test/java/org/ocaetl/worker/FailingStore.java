package org.ocaetl.worker;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.ocaetl.store.ObjectStore;

/** A real store whose next read of one key fails once (e.g. in the middle of a promotion). */
final class FailingStore implements ObjectStore {
  private final ObjectStore real;
  volatile String failNextReadOf;

  FailingStore(ObjectStore real) {
    this.real = real;
  }

  private void maybeFail(String key) throws IOException {
    if (key.equals(failNextReadOf)) {
      failNextReadOf = null;
      throw new IOException("injected: reading " + key + " failed");
    }
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
  public InputStream get(String key) throws IOException {
    maybeFail(key);
    return real.get(key);
  }

  @Override
  public void download(String key, Path target) throws IOException {
    maybeFail(key);
    real.download(key, target);
  }

  @Override
  public Optional<Long> size(String key) throws IOException {
    return real.size(key);
  }

  @Override
  public List<String> list(String prefix) throws IOException {
    return real.list(prefix);
  }

  @Override
  public String describe() {
    return real.describe();
  }
}
