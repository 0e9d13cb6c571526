package org.ocaetl.stage;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Locale;

/**
 * DuckDB ran out of room for a staging database: its temp directory reached {@code
 * max_temp_directory_size} (by default most of the free space of that disk) or the disk itself is
 * full. Nothing about the file is wrong, so the step is worth retrying once there is room.
 */
public final class StagingSpaceException extends IOException {
  private StagingSpaceException(String message, SQLException cause) {
    super(message, cause);
  }

  /**
   * The failure of {@code what} (e.g. "export of staging database …"): a {@code
   * StagingSpaceException} when DuckDB says it had no room, else a plain IOException.
   */
  static IOException of(String what, SQLException e, StagingLimits limits) {
    String duckdb = firstLine(e.getMessage());
    String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    if (message.contains("max_temp_directory_size")) {
      return new StagingSpaceException(
          what + " failed: DuckDB's temp directory " + limits.tempDirectory().toAbsolutePath()
              + " is full: spilling past memory_limit " + limits.memoryLimit() + " needs more than max_temp_directory_size "
              + (limits.maxTempDirectorySize() == null ? "(DuckDB's default, 90% of the free disk space)"
                  : limits.maxTempDirectorySize())
              + ". Free disk space or raise OCA_DUCKDB_MAX_TEMP_SIZE; the step is retried. DuckDB: " + duckdb,
          e);
    }
    if (message.contains("no space left on device")) {
      return new StagingSpaceException(
          what + " failed: the disk of the work folder or of DuckDB's temp directory "
              + limits.tempDirectory().toAbsolutePath() + " is full. Free disk space; the step is retried. DuckDB: "
              + duckdb,
          e);
    }
    return new IOException(what + " failed: " + e.getMessage(), e);
  }

  private static String firstLine(String text) {
    return text == null ? "" : text.lines().findFirst().orElse("").strip();
  }
}
