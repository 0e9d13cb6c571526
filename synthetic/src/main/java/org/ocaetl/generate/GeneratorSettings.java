package org.ocaetl.generate;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What {@link ExtractGenerator} writes. Equal settings give byte-identical files.
 *
 * @param cases the number of (non-delete) {@code Index} records, edge cases included
 * @param seed the random seed
 * @param runDate the extract's run date (file name and {@code RunDate})
 * @param initialFiledYear the filed year of an Initial extract, or null for an Incremental
 * @param deleteRatio delete records as a fraction of {@code cases}, written after the cases
 * @param updateFrom a previous extract zip whose ids are updated and deleted, or null
 * @param updateRatio the fraction of {@code cases} that re-use ids of {@code updateFrom}
 * @param edgeCases whether to mix in the hard cases of {@link EdgeCase}
 */
public record GeneratorSettings(
    int cases,
    long seed,
    LocalDate runDate,
    Integer initialFiledYear,
    double deleteRatio,
    Path updateFrom,
    double updateRatio,
    boolean edgeCases) {

  /** A typical weekly incremental holds about this many cases (29,471 in the 2025-07-06 file). */
  public static final int DEFAULT_CASES = 30_000;

  public static final long DEFAULT_SEED = 1;

  /** A fixed default: "today" would make the output depend on the day it is run. */
  public static final LocalDate DEFAULT_RUN_DATE = LocalDate.of(2025, 7, 6);

  public static final double DEFAULT_DELETE_RATIO = 0.01;
  public static final double DEFAULT_UPDATE_RATIO = 0.3;

  public GeneratorSettings {
    Objects.requireNonNull(runDate, "runDate");
    if (cases < 0) {
      throw new IllegalArgumentException("cases must not be negative: " + cases);
    }
    requireRatio("deleteRatio", deleteRatio);
    requireRatio("updateRatio", updateRatio);
    if (initialFiledYear != null
        && (initialFiledYear < 1900 || initialFiledYear > runDate.getYear())) {
      throw new IllegalArgumentException(
          "the initial filed year must be between 1900 and the run date's year: "
              + initialFiledYear);
    }
    if (edgeCases && cases < EdgeCaseSchedule.minimumCases()) {
      throw new IllegalArgumentException(
          "edge cases need at least " + EdgeCaseSchedule.minimumCases() + " cases, got " + cases);
    }
  }

  private static void requireRatio(String name, double ratio) {
    if (!(ratio >= 0 && ratio <= 1)) {
      throw new IllegalArgumentException(name + " must be between 0 and 1: " + ratio);
    }
  }

  /**
   * A weekly incremental: 30,000 cases, seed 1, run date 2025-07-06, 1 % deletes, no previous file.
   */
  public static GeneratorSettings defaults() {
    return new GeneratorSettings(
        DEFAULT_CASES,
        DEFAULT_SEED,
        DEFAULT_RUN_DATE,
        null,
        DEFAULT_DELETE_RATIO,
        null,
        DEFAULT_UPDATE_RATIO,
        false);
  }

  public GeneratorSettings withCases(int value) {
    return new GeneratorSettings(
        value, seed, runDate, initialFiledYear, deleteRatio, updateFrom, updateRatio, edgeCases);
  }

  public GeneratorSettings withSeed(long value) {
    return new GeneratorSettings(
        cases, value, runDate, initialFiledYear, deleteRatio, updateFrom, updateRatio, edgeCases);
  }

  public GeneratorSettings withRunDate(LocalDate value) {
    return new GeneratorSettings(
        cases, seed, value, initialFiledYear, deleteRatio, updateFrom, updateRatio, edgeCases);
  }

  /** An Initial extract of the cases filed in {@code filedYear}; null for an Incremental. */
  public GeneratorSettings withInitialFiledYear(Integer filedYear) {
    return new GeneratorSettings(
        cases, seed, runDate, filedYear, deleteRatio, updateFrom, updateRatio, edgeCases);
  }

  public GeneratorSettings withDeleteRatio(double value) {
    return new GeneratorSettings(
        cases, seed, runDate, initialFiledYear, value, updateFrom, updateRatio, edgeCases);
  }

  public GeneratorSettings withUpdateFrom(Path previous) {
    return new GeneratorSettings(
        cases, seed, runDate, initialFiledYear, deleteRatio, previous, updateRatio, edgeCases);
  }

  public GeneratorSettings withUpdateRatio(double value) {
    return new GeneratorSettings(
        cases, seed, runDate, initialFiledYear, deleteRatio, updateFrom, value, edgeCases);
  }

  public GeneratorSettings withEdgeCases(boolean value) {
    return new GeneratorSettings(
        cases, seed, runDate, initialFiledYear, deleteRatio, updateFrom, updateRatio, value);
  }

  public boolean initial() {
    return initialFiledYear != null;
  }

  /**
   * {@code LandlordTenant.Incr.<run date>.zip} or {@code LandlordTenant.Initial.FiledIn<year>.<run
   * date>.zip}.
   */
  public String fileName() {
    return initial()
        ? "LandlordTenant.Initial.FiledIn" + initialFiledYear + "." + runDate + ".zip"
        : "LandlordTenant.Incr." + runDate + ".zip";
  }

  /** The number of delete records asked for (edge cases add their own). */
  public int deletes() {
    return (int) Math.round(deleteRatio * cases);
  }

  /** The number of updates asked for: none without a previous file. */
  public int updates() {
    return updateFrom == null ? 0 : (int) Math.round(updateRatio * cases);
  }
}
