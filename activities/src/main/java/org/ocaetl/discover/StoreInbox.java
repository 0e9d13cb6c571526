package org.ocaetl.discover;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.ocaetl.store.ObjectStore;

/**
 * A raw inbox in an object store rooted at the inbox prefix, e.g. {@code s3://bucket/incoming}:
 * the objects directly under it (deeper keys are ignored, like sub-folders of a folder inbox).
 */
public final class StoreInbox implements RawInbox {
  private final ObjectStore store;

  public StoreInbox(ObjectStore store) {
    this.store = store;
  }

  @Override
  public List<InboxFile> list() throws IOException {
    return store.listObjects("").stream()
        .filter(object -> !object.key().contains("/"))
        .map(object -> new InboxFile(object.key(), object.size(), object.tag()))
        .toList();
  }

  @Override
  public InputStream open(String name) throws IOException {
    if (name.isEmpty() || name.contains("/") || name.equals("..") || name.equals(".")) {
      throw new IllegalArgumentException("Not a file of the inbox: " + name);
    }
    return store.get(name);
  }

  @Override
  public String describe() {
    return store.describe();
  }

  @Override
  public void close() throws IOException {
    store.close();
  }
}
