package org.ocaetl.stage;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import org.ocaetl.db.SqlLiteral;
import org.ocaetl.parse.CaseBounds;

/**
 * Resource limits of a DuckDB staging connection. DuckDB memory is native, outside the JVM heap,
 * so the container budget is heap + {@code memoryLimit} + headroom.
 *
 * @param memoryLimit DuckDB {@code memory_limit}, e.g. {@code 512MB}; for a worker, its whole
 *     DuckDB budget, shared by the files it stages at once ({@link #sharedBy})
 * @param threads how many staging statements run at once (the export writes that many CSVs
 *     concurrently, each on its own connection); DuckDB's own scheduler stays at one thread, see
 *     {@link StagingDatabase}
 * @param tempDirectory DuckDB {@code temp_directory} for spilling
 * @param maxTempDirectorySize DuckDB {@code max_temp_directory_size}, e.g. {@code 20GB}: how much
 *     may spill into {@code tempDirectory}; null keeps DuckDB's default (90% of the free space of
 *     the temp directory's disk)
 * @param caseBounds how large one Index may be before it fails alone (bounds the Java heap of a
 *     parse)
 */
public record StagingLimits(
    String memoryLimit, int threads, Path tempDirectory, String maxTempDirectorySize, CaseBounds caseBounds) {
  private static final long KIB = 1024;

  /** Limits with DuckDB's own bound on the temp directory and the default case bounds. */
  public StagingLimits(String memoryLimit, int threads, Path tempDirectory) {
    this(memoryLimit, threads, tempDirectory, null);
  }

  /** Limits with the default case bounds. */
  public StagingLimits(String memoryLimit, int threads, Path tempDirectory, String maxTempDirectorySize) {
    this(memoryLimit, threads, tempDirectory, maxTempDirectorySize, CaseBounds.DEFAULTS);
  }

  /**
   * The limits of one of {@code files} staging databases open at once: {@code memoryLimit} is the
   * worker's DuckDB budget, so each gets an equal share (two Initial files staged at once would
   * otherwise use twice the budget: measured 1.4 GiB RSS at -Xmx640m and 2 × 512MB).
   */
  public StagingLimits sharedBy(int files) {
    if (files < 1) {
      throw new IllegalArgumentException("files must be at least 1: " + files);
    }
    if (files == 1) {
      return this;
    }
    String share = Math.max(1, bytes() / files / KIB) + "KiB";
    return new StagingLimits(share, threads, tempDirectory, maxTempDirectorySize, caseBounds);
  }

  /**
   * DuckDB {@code operator_memory_limit} of each connection: half of an equal share of {@code
   * memoryLimit} per statement running at once. Without it DuckDB 2.0 lets one sort on a text key
   * (the export's ORDER BY case id) grow until the database's limit is reached and fails instead of
   * spilling: a 300,000-case file failed at 128MB with two CSVs at once (docs/benchmarks.md#operator-memory).
   */
  public String operatorMemoryLimit() {
    return Math.max(1, bytes() / (2L * threads) / KIB) + "KiB";
  }

  /** The same limits for statements run one at a time: each may use half the whole share. */
  StagingLimits oneAtATime() {
    return new StagingLimits(memoryLimit, 1, tempDirectory, maxTempDirectorySize, caseBounds);
  }

  private long bytes() {
    Matcher m = SqlLiteral.SIZE.matcher(memoryLimit.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("Not a DuckDB size: " + memoryLimit);
    }
    return new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit(m.group(2)))).longValue();
  }

  private static long unit(String name) {
    return switch (name.toUpperCase(Locale.ROOT)) {
      case "B" -> 1L;
      case "KB" -> 1_000L;
      case "MB" -> 1_000_000L;
      case "GB" -> 1_000_000_000L;
      case "TB" -> 1_000_000_000_000L;
      case "KIB" -> KIB;
      case "MIB" -> KIB * KIB;
      case "GIB" -> KIB * KIB * KIB;
      case "TIB" -> KIB * KIB * KIB * KIB;
      default -> throw new IllegalArgumentException("Unknown size unit " + name);
    };
  }

  /** Whether {@code size} is a size DuckDB takes for its limits, e.g. {@code 512MB} or {@code 1GiB}. */
  public static boolean isSize(String size) {
    return SqlLiteral.SIZE.matcher(size).matches();
  }

  public static StagingLimits defaults(Path tempDirectory) {
    return new StagingLimits("512MB", 2, tempDirectory);
  }
}
