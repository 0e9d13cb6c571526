package org.ocaetl.worker.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * Memory of the whole process as the operating system sees it (heap, DuckDB's native memory,
 * metaspace, thread stacks), read from {@code /proc/self/status}. Empty where there is no procfs.
 */
public final class ProcessMemory {
  private static final Path STATUS = Path.of("/proc/self/status");

  private ProcessMemory() {}

  /** Peak resident set size ("high water mark") in bytes. */
  public static OptionalLong peakRss() {
    return field("VmHWM:");
  }

  /** Current resident set size in bytes. */
  public static OptionalLong currentRss() {
    return field("VmRSS:");
  }

  private static OptionalLong field(String name) {
    try {
      for (String line : Files.readAllLines(STATUS)) {
        if (line.startsWith(name)) {
          String kib = line.substring(name.length()).trim().split("\\s+")[0];
          return OptionalLong.of(Long.parseLong(kib) * 1024);
        }
      }
    } catch (IOException | RuntimeException e) {
      return OptionalLong.empty();
    }
    return OptionalLong.empty();
  }

  /** Formats bytes as MiB with one decimal, or "n/a". */
  public static String mib(OptionalLong bytes) {
    return bytes.isPresent() ? String.format("%.1f MiB", bytes.getAsLong() / 1048576.0) : "n/a";
  }
}
