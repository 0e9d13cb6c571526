package org.ocaetl.worker.parse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.ocaetl.store.FileTrees;

/**
 * The {@code --out} folder of {@code oca parse} as it was before the parse, so that a failed parse
 * removes everything it created: a half-written staging database or CSV must not pass for a
 * result. What was there before is left alone.
 */
final class ParseOutputFolder {
  private final Path dir;
  private final boolean existed;
  private final Set<Path> before;

  private ParseOutputFolder(Path dir, boolean existed, Set<Path> before) {
    this.dir = dir;
    this.existed = existed;
    this.before = before;
  }

  /** Records what {@code dir} holds now. */
  static ParseOutputFolder before(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return new ParseOutputFolder(dir, Files.exists(dir), Set.of());
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return new ParseOutputFolder(dir, true, entries.collect(Collectors.toSet()));
    }
  }

  /** Deletes what appeared in the folder since, or the folder itself if it did not exist. */
  void removeCreated() throws IOException {
    if (!existed) {
      FileTrees.deleteTree(dir);
      return;
    }
    if (!Files.isDirectory(dir)) {
      return; // --out was a file: the parse could not write anything
    }
    List<Path> created;
    try (Stream<Path> entries = Files.list(dir)) {
      created = entries.filter(p -> !before.contains(p)).toList();
    }
    for (Path path : created) {
      FileTrees.deleteTree(path);
    }
  }
}
