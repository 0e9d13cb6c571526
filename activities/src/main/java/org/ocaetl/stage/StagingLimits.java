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
 */
public record StagingLimits(String memoryLimit, int threads, Path tempDirectory) {
  public static StagingLimits defaults(Path tempDirectory) {
    return new StagingLimits("512MB", 2, tempDirectory);
  }
}
