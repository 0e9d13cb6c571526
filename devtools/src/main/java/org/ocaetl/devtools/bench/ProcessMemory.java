package org.ocaetl.devtools.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/**
 * CPU time and memory of the whole process as the operating system sees it. Memory (heap, DuckDB's
 * native memory, metaspace, thread stacks) is read from {@code /proc/self/status}, empty where
 * there is no procfs.
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

  /** CPU time of the whole process so far (every thread), in nanoseconds; -1 when unknown. */
  public static long cpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : -1;
  }

  /** The machine's 1/5/15-minute load averages from {@code /proc/loadavg}, or "n/a". */
  public static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return fields[0] + " " + fields[1] + " " + fields[2];
    } catch (IOException | RuntimeException e) {
      return "n/a";
    }
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
