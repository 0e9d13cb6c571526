package org.ocaetl.devtools.local;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.ocaetl.generate.ExtractGenerator;
import org.ocaetl.generate.GenerationResult;
import org.ocaetl.generate.GeneratorSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code oca generate}: writes a realistic synthetic extract zip (the real data is private). */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a synthetic OCA landlord-tenant extract zip into DIR.",
      "Its name is",
      "  LandlordTenant.Incr.<run-date>.zip, or",
      "  LandlordTenant.Initial.FiledIn<year>.<run-date>.zip with --initial.",
      "Equal options give byte-identical files."
    })
public final class GenerateCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Directory to write the zip into.")
  Path out;

  @Option(
      names = "--cases",
      paramLabel = "N",
      description =
          "Cases (Index records without Delete). Default: ${DEFAULT-VALUE}, a weekly incremental.")
  int cases = GeneratorSettings.DEFAULT_CASES;

  @Option(
      names = "--seed",
      paramLabel = "S",
      description = "Random seed. Default: ${DEFAULT-VALUE}.")
  long seed = GeneratorSettings.DEFAULT_SEED;

  @Option(
      names = "--run-date",
      paramLabel = "YYYY-MM-DD",
      converter = IsoDate.class,
      description = "Extract run date (file name and RunDate). Default: ${DEFAULT-VALUE}.")
  LocalDate runDate = GeneratorSettings.DEFAULT_RUN_DATE;

  @Option(
      names = "--initial",
      paramLabel = "FILED_YEAR",
      description =
          "Write an Initial extract of the cases filed in this year instead of an Incremental.")
  Integer initialFiledYear;

  @Option(
      names = "--delete-ratio",
      paramLabel = "R",
      description =
          "Delete records per case, written after the cases. Default: 0.01 (0 with --initial).")
  Double deleteRatio;

  @Option(
      names = "--update-from",
      paramLabel = "PREVIOUS.zip",
      description = "A previous extract: updates and deletes name its ids.")
  Path updateFrom;

  @Option(
      names = "--update-ratio",
      paramLabel = "U",
      description =
          "Fraction of the cases that update ids of --update-from. Default: ${DEFAULT-VALUE}.")
  double updateRatio = GeneratorSettings.DEFAULT_UPDATE_RATIO;

  @Option(
      names = "--edge-cases",
      description =
          "Mix in a few of each hard case of the processing rules (invalid values, duplicates,"
              + " ...).")
  boolean edgeCases;

  /** Parses {@code YYYY-MM-DD}; an impossible date such as 2025-02-30 is a usage error (exit 2). */
  static final class IsoDate implements CommandLine.ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
      try {
        return LocalDate.parse(value);
      } catch (DateTimeParseException e) {
        throw new CommandLine.TypeConversionException("not a date YYYY-MM-DD: " + value);
      }
    }
  }

  @Override
  public Integer call() throws IOException {
    if (updateFrom != null && !Files.isRegularFile(updateFrom)) {
      return usageError("--update-from: no such file: " + updateFrom);
    }
    GeneratorSettings settings;
    try {
      double deletes =
          deleteRatio != null
              ? deleteRatio
              : initialFiledYear != null ? 0 : GeneratorSettings.DEFAULT_DELETE_RATIO;
      settings =
          new GeneratorSettings(
              cases, seed, runDate, initialFiledYear, deletes, updateFrom, updateRatio, edgeCases);
    } catch (IllegalArgumentException e) {
      return usageError(e.getMessage());
    }
    long started = System.nanoTime();
    GenerationResult result = new ExtractGenerator(settings).write(out);
    double seconds = (System.nanoTime() - started) / 1e9;
    PrintWriter printer = spec.commandLine().getOut();
    printer.println(result.zip());
    printer.printf(
        "cases: %,d (updates %,d), deletes: %,d, edge cases: %,d%n",
        result.cases(), result.updates(), result.deletes(), result.edgeCases().size());
    printer.printf(
        "size: %,d bytes, %.1f s, %,.0f cases/s%n",
        result.bytes(), seconds, result.cases() / Math.max(seconds, 1e-9));
    printer.flush();
    return 0;
  }

  /**
   * Reports an invalid combination of options like picocli reports a parse error: message and usage
   * on stderr, exit code 2. (A ParameterException thrown from {@code call} would exit 1.)
   */
  private int usageError(String message) {
    CommandLine commandLine = spec.commandLine();
    commandLine.getErr().println(message);
    commandLine.usage(commandLine.getErr());
    return commandLine.getCommandSpec().exitCodeOnInvalidInput();
  }
}
