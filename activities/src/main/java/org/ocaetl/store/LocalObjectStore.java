package org.ocaetl.store;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * An object store in a local folder (the embedded default). Writes go to a temporary sibling and
 * are moved into place atomically, so a reader never sees half an object. A folder keeps no HTTP
 * metadata: content types and caching ({@link ObjectMetadata}) matter once the files are served
 * from S3.
 */
public final class LocalObjectStore implements ObjectStore {
  private static final Set<PosixFilePermission> PUBLIC_MODE = PosixFilePermissions.fromString("rw-r--r--");
  private static final Set<PosixFilePermission> PRIVATE_MODE = PosixFilePermissions.fromString("rw-------");
  private final Path root;

  public LocalObjectStore(Path root) throws IOException {
    this.root = Files.createDirectories(root).toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  @Override
  public void put(String key, Path file, String contentType) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      put(key, in, contentType);
    }
  }

  @Override
  public void put(String key, InputStream content, String contentType) throws IOException {
    write(key, contentType, content::transferTo);
  }

  @Override
  public void write(String key, String contentType, ContentWriter writer) throws IOException {
    Path target = resolve(key);
    Files.createDirectories(target.getParent());
    Path temp = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
    try {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
        writer.writeTo(out);
      }
      setMode(key, temp);
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  @Override
  public InputStream get(String key) throws IOException {
    return Files.newInputStream(resolve(key));
  }

  @Override
  public void download(String key, Path target) throws IOException {
    Files.createDirectories(target.toAbsolutePath().getParent());
    Files.copy(resolve(key), target, StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public Optional<Long> size(String key) throws IOException {
    try {
      return Optional.of(Files.size(resolve(key)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  @Override
  public List<ListedObject> listObjects(String prefix) throws IOException {
    Path start = root;
    if (!Files.isDirectory(start)) {
      return List.of();
    }
    List<ListedObject> objects = new ArrayList<>();
    try (Stream<Path> files = Files.walk(start)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String key = root.relativize(file).toString().replace('\\', '/');
        if (key.startsWith(prefix) && !isTemporary(key)) {
          try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            objects.add(new ListedObject(key, attributes.size(), attributes.lastModifiedTime().toString()));
          } catch (NoSuchFileException e) {
            // deleted since the walk saw it: not listed
          }
        }
      }
    }
    objects.sort(Comparator.comparing(ListedObject::key));
    return objects;
  }

  @Override
  public String describe() {
    return root.toUri().toString();
  }

  /**
   * Public files are for everyone, e.g. a web server running as another user (0644); private ones
   * hold street addresses and stay the owner's (0600), whatever the umask.
   */
  private static void setMode(String key, Path temp) throws IOException {
    if (temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(temp, key.startsWith(StoreKeys.PUBLIC) ? PUBLIC_MODE : PRIVATE_MODE);
    }
  }

  private static boolean isTemporary(String key) {
    String name = key.substring(key.lastIndexOf('/') + 1);
    return name.startsWith(".upload-");
  }

  private Path resolve(String key) {
    Path path = root.resolve(StoreKeys.requireKey(key)).normalize();
    if (!path.startsWith(root) || path.equals(root)) {
      throw new IllegalArgumentException("Object key escapes the store: " + key);
    }
    return path;
  }
}
