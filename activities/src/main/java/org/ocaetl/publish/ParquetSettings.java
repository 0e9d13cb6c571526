package org.ocaetl.publish;

import java.nio.file.Path;
import java.util.Objects;
import org.ocaetl.db.SqlLiteral;

/**
 * Resources of the DuckDB that writes the published Parquet files ({@link ParquetExporter}). Its
 * memory is native, outside the JVM heap, like staging's.
 *
 * @param memoryLimit DuckDB {@code memory_limit} of each export, e.g. {@code 256MB}; a publish runs two
 *     exports at once (docs/design.md#typed-parquet: 96 MB suffice for rows of 45 kB)
 * @param workDirectory where each export's temporary CSV, Parquet file and DuckDB spill files go
 *     (removed after the upload); needs room for the largest public table's CSV and Parquet file
 */
public record ParquetSettings(String memoryLimit, Path workDirectory) {
  /** 256 MB in the JVM's temporary directory: for tests and tools without configuration. */
  public static final ParquetSettings DEFAULTS =
      new ParquetSettings("256MB", Path.of(System.getProperty("java.io.tmpdir")));

  public ParquetSettings {
    SqlLiteral.size(memoryLimit); // fails early on anything DuckDB would refuse
    Objects.requireNonNull(workDirectory, "workDirectory");
  }
}
