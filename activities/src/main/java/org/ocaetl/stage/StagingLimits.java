package org.ocaetl.stage;

import java.nio.file.Path;

/**
 * Resource limits of a DuckDB staging connection. DuckDB memory is native, outside the JVM heap,
 * so the container budget is heap + {@code memoryLimit} + headroom.
 *
 * @param memoryLimit DuckDB {@code memory_limit}, e.g. {@code 512MB}
 * @param threads how many staging statements run at once (the export writes that many CSVs
 *     concurrently, each on its own connection); DuckDB's own scheduler stays at one thread, see
 *     {@link StagingDatabase}
 * @param tempDirectory DuckDB {@code temp_directory} for spilling
 * @param maxTempDirectorySize DuckDB {@code max_temp_directory_size}, e.g. {@code 20GB}: how much
 *     may spill into {@code tempDirectory}; null keeps DuckDB's default (90% of the free space of
 *     the temp directory's disk)
 */
public record StagingLimits(String memoryLimit, int threads, Path tempDirectory, String maxTempDirectorySize) {
  /** Limits with DuckDB's own bound on the temp directory. */
  public StagingLimits(String memoryLimit, int threads, Path tempDirectory) {
    this(memoryLimit, threads, tempDirectory, null);
  }

  public static StagingLimits defaults(Path tempDirectory) {
    return new StagingLimits("512MB", 2, tempDirectory);
  }
}
