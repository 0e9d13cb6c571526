package org.ocaetl.discover;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** A raw inbox in a local folder (regular files directly inside it; sub-folders are ignored). */
public final class LocalFolderInbox implements RawInbox {
  private final Path folder;

  public LocalFolderInbox(Path folder) {
    this.folder = folder.toAbsolutePath().normalize();
  }

  @Override
  public List<String> names() throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Override
  public InputStream open(String name) throws IOException {
    Path file = folder.resolve(name).normalize();
    if (!file.getParent().equals(folder)) {
      throw new IllegalArgumentException("Not a file of the inbox: " + name);
    }
    return Files.newInputStream(file);
  }

  @Override
  public String describe() {
    return folder.toUri().toString();
  }
}
