package org.ocaetl.devtools.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.ocaetl.generate.ExtractGenerator;
import org.ocaetl.generate.GeneratorSettings;

/**
 * The generated extracts of the end-to-end benchmarks: Initial files per filed year (no deletes)
 * and weekly incrementals that update and delete cases of the file before them. Equal settings
 * give byte-identical files, so a file already on disk is reused.
 */
final class BenchExtracts {
  /** Extract date of the generated Initial files. */
  static final LocalDate INITIAL_RUN_DATE = LocalDate.of(2025, 1, 4);

  private BenchExtracts() {}

  static Path initial(Path dir, int filedYear, int cases) throws IOException {
    return generate(
        dir,
        GeneratorSettings.defaults()
            .withCases(cases)
            .withSeed(filedYear)
            .withRunDate(INITIAL_RUN_DATE)
            .withInitialFiledYear(filedYear)
            .withDeleteRatio(0));
  }

  /** A weekly file of {@code runDate} whose updates and deletes name ids of {@code previous}. */
  static Path weekly(Path dir, LocalDate runDate, int cases, Path previous) throws IOException {
    return generate(
        dir,
        GeneratorSettings.defaults()
            .withCases(cases)
            .withSeed(runDate.toEpochDay())
            .withRunDate(runDate)
            .withUpdateFrom(previous));
  }

  private static Path generate(Path dir, GeneratorSettings settings) throws IOException {
    Path zip = Files.createDirectories(dir).resolve(settings.fileName());
    return Files.exists(zip) ? zip : new ExtractGenerator(settings).generate(dir);
  }
}
