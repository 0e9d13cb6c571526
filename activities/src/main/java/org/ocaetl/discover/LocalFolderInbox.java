package org.ocaetl.discover;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A raw inbox in a local folder (regular files directly inside it; sub-folders are ignored). */
public final class LocalFolderInbox implements RawInbox {
  private final Path folder;

  public LocalFolderInbox(Path folder) {
    this.folder = folder.toAbsolutePath().normalize();
  }

  @Override
  public List<InboxFile> list() throws IOException {
    List<InboxFile> listed = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.toList()) {
        BasicFileAttributes attributes;
        try {
          attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
          continue; // removed since the listing saw it
        }
        if (attributes.isRegularFile()) {
          listed.add(new InboxFile(file.getFileName().toString(), attributes.size(), attributes.lastModifiedTime().toString()));
        }
      }
    }
    listed.sort(Comparator.comparing(InboxFile::name));
    return listed;
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
