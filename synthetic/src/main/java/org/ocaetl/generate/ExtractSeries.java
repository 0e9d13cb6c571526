package org.ocaetl.generate;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A small history of extracts for demos and end-to-end tests: one Initial file, then three weekly
 * Incrementals, each updating and deleting cases of the file before it.
 */
public final class ExtractSeries {
  /** Incrementals in the series. */
  public static final int INCREMENTALS = 3;

  private static final double UPDATE_RATIO = 0.3;
  private static final double DELETE_RATIO = 0.02;

  private ExtractSeries() {}

  /**
   * Writes {@code LandlordTenant.Initial.FiledIn<year of initialRunDate>.<initialRunDate>.zip} and
   * the Incrementals of the three following weeks into {@code outDir}.
   *
   * @param casesPerFile cases of each file (the Initial's all new; 30 % of each Incremental's are
   *     updates of the previous file, and 2 % of it is added as deletes of the previous file's ids)
   * @return the four results, in the order the files must be applied
   */
  public static List<GenerationResult> weekly(
      Path outDir, int casesPerFile, long seed, LocalDate initialRunDate) throws IOException {
    List<GenerationResult> results = new ArrayList<>(INCREMENTALS + 1);
    GeneratorSettings initial =
        GeneratorSettings.defaults()
            .withCases(casesPerFile)
            .withSeed(seed)
            .withRunDate(initialRunDate)
            .withInitialFiledYear(initialRunDate.getYear())
            .withDeleteRatio(0);
    results.add(new ExtractGenerator(initial).write(outDir));
    for (int week = 1; week <= INCREMENTALS; week++) {
      GeneratorSettings incremental =
          GeneratorSettings.defaults()
              .withCases(casesPerFile)
              .withSeed(seed)
              .withRunDate(initialRunDate.plusWeeks(week))
              .withUpdateFrom(results.getLast().zip())
              .withUpdateRatio(UPDATE_RATIO)
              .withDeleteRatio(DELETE_RATIO);
      results.add(new ExtractGenerator(incremental).write(outDir));
    }
    return results;
  }
}
