package org.ocaetl.store;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
  public Upload open(String key, String contentType) throws IOException {
    Path target = resolve(key);
    Files.createDirectories(target.getParent());
    return new LocalUpload(key, target, Files.createTempFile(target.getParent(), ".upload-", ".tmp"));
  }

  /** Concatenates the files into a temporary sibling (FileChannel.transferTo) and moves it into place. */
  @Override
  public void compose(String key, String contentType, byte[] head, List<String> sources) throws IOException {
    List<Path> files = new ArrayList<>();
    for (String source : sources) {
      files.add(resolve(source));
    }
    try (LocalUpload upload = (LocalUpload) open(key, contentType)) {
      upload.stream().write(head);
      upload.stream().flush();
      for (Path file : files) {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
          long size = in.size();
          for (long done = 0; done < size; ) {
            done += in.transferTo(done, size - done, upload.channel());
          }
        }
      }
      upload.complete();
    }
  }

  /** Written into a temporary sibling of the target, moved into place atomically on completion. */
  private static final class LocalUpload implements Upload {
    private final String key;
    private final Path target;
    private final Path temp;
    private final FileChannel channel;
    private final OutputStream stream;
    private boolean completed;

    LocalUpload(String key, Path target, Path temp) throws IOException {
      this.key = key;
      this.target = target;
      this.temp = temp;
      this.channel = FileChannel.open(temp, StandardOpenOption.WRITE);
      this.stream = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
    }

    @Override
    public OutputStream stream() {
      return stream;
    }

    /** For appending whole files after the stream was flushed. */
    FileChannel channel() {
      return channel;
    }

    @Override
    public void complete() throws IOException {
      stream.close();
      setMode(key, temp);
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      completed = true;
    }

    @Override
    public void close() throws IOException {
      if (!completed) {
        try {
          stream.close();
        } finally {
          Files.deleteIfExists(temp);
        }
      }
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

  /**
   * Walks only the prefix's folder, and ignores files that vanish meanwhile: another thread's
   * upload moves its temporary file into place while the walk runs.
   */
  @Override
  public List<String> list(String prefix) throws IOException {
    int slash = prefix.lastIndexOf('/');
    Path start = slash > 0 ? resolve(prefix.substring(0, slash)) : root;
    if (!Files.isDirectory(start)) {
      return List.of();
    }
    List<String> keys = new ArrayList<>();
    Files.walkFileTree(start, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
        String key = root.relativize(file).toString().replace('\\', '/');
        if (attributes.isRegularFile() && key.startsWith(prefix) && !isTemporary(key)) {
          keys.add(key);
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFileFailed(Path file, IOException failure) throws IOException {
        if (failure instanceof NoSuchFileException) {
          return FileVisitResult.CONTINUE;
        }
        throw failure;
      }
    });
    keys.sort(null);
    return keys;
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
