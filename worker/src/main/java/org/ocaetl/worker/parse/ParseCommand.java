package org.ocaetl.worker.parse;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.ocaetl.parse.ExtractDrift;
import org.ocaetl.parse.ExtractFileException;
import org.ocaetl.parse.RejectedCase;
import org.ocaetl.stage.ExportReport;
import org.ocaetl.stage.ExtractParser;
import org.ocaetl.stage.ParseProgress;
import org.ocaetl.stage.ParseReport;
import org.ocaetl.stage.StagingExporter;
import org.ocaetl.stage.StagingLimits;
import org.ocaetl.worker.options.StagingOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code oca parse}: one raw zip to a staging DuckDB file, PostgreSQL-ready CSVs and report.json. */
@Command(
    name = "parse",
    mixinStandardHelpOptions = true,
    description = {
      "Parses one raw extract zip into DIR/staging.duckdb and writes the twelve <table>.csv files"
          + " (PostgreSQL COPY csv format) and report.json into DIR."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every case converted",
      "1:the file failed as a whole (not a zip, no LandlordTenantExtract.xml, bad XML), an I/O error, or a"
          + " crash (e.g. out of memory)",
      "2:bad usage",
      "3:some cases failed to convert (listed; all of them are in report.json)"
    })
public final class ParseCommand implements Callable<Integer> {
  static final int SOME_CASES_FAILED = 3;
  static final int FAILURES_LISTED = 20;
  private static final long PROGRESS_LINE_EVERY = 100_000;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE.zip", description = "The raw extract zip.")
  Path zip;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
  Path out;

  @Mixin StagingOptions staging;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    StagingLimits limits = staging.limits(out);
    String unreadable = unreadable(zip);
    if (unreadable != null) { // before DuckDB creates anything in DIR
      stderr.println("oca parse: " + zip + ": " + unreadable);
      return 1;
    }
    Path stagingDb = out.resolve("staging.duckdb");
    ParseProgress progress =
        (cases, bytes) -> {
          if (cases % PROGRESS_LINE_EVERY == 0) {
            stderr.printf(Locale.ROOT, "... %,d cases, %,d MB of XML%n", cases, bytes >> 20);
            stderr.flush();
          }
        };
    ParseOutputFolder output = null;
    boolean written = false;
    try {
      output = ParseOutputFolder.before(out);
      ParseReport parse = new ExtractParser(limits).parse(zip, stagingDb, progress);
      ExportReport export = new StagingExporter(limits).export(stagingDb, out, parse);
      written = true;
      stdout.println(summary(parse, export));
      parse.warnings().forEach(w -> stdout.println("Warning: " + w));
      printDrift(parse.drift(), stdout);
      if (parse.casesFailed() == 0) {
        return 0;
      }
      stdout.printf(
          Locale.ROOT,
          "%,d cases failed; the first %d (all are in %s):%n",
          parse.casesFailed(),
          Math.min(FAILURES_LISTED, parse.failures().size()),
          out.resolve("report.json"));
      parse.failures().stream().limit(FAILURES_LISTED).forEach(f -> stdout.println("  " + describe(f)));
      return SOME_CASES_FAILED;
    } catch (ExtractFileException e) {
      stderr.println("oca parse: " + e.getMessage());
      return 1;
    } catch (IOException e) {
      stderr.println("oca parse: " + describe(e));
      return 1;
    } finally {
      if (!written && output != null) {
        removePartialOutput(output, stagingDb, stderr);
      }
    }
  }

  /**
   * The extract's paths that no column reads (data the parser drops), and the column paths a large
   * file lacked: paths and counts only, never values. Not a failure: the exit code stays.
   */
  private static void printDrift(ExtractDrift drift, PrintWriter stdout) {
    if (drift.none()) {
      return;
    }
    if (!drift.unmapped().isEmpty()) {
      stdout.println("Extract drift: element paths no column reads (dropped; counts, also in report.json):");
      drift.unmapped().forEach(p -> stdout.printf(Locale.ROOT, "  %s: %,d%n", p.path(), p.count()));
      if (drift.unmappedNotListed() > 0) {
        stdout.printf(Locale.ROOT, "  and %,d more occurrences of other paths%n", drift.unmappedNotListed());
      }
    }
    if (!drift.mappedNeverSeen().isEmpty()) {
      stdout.println("Extract drift: column paths no case held: " + String.join(", ", drift.mappedNeverSeen()));
    }
  }

  /** After a failure: what this parse created in --out, and the staging database it replaced. */
  private static void removePartialOutput(ParseOutputFolder output, Path stagingDb, PrintWriter stderr) {
    try {
      output.removeCreated();
      ExtractParser.deleteStagingDatabase(stagingDb);
    } catch (IOException e) {
      stderr.println("oca parse: could not remove the partial output: " + e);
    }
  }

  /** Why {@code zip} cannot be parsed at all, or null. */
  private static String unreadable(Path zip) {
    if (Files.isDirectory(zip)) {
      return "is a folder, not a zip file";
    }
    if (!Files.exists(zip)) {
      return "no such file";
    }
    return Files.isReadable(zip) ? null : "not readable (permission denied)";
  }

  /** One line with the path: NoSuchFileException's message is the path alone, others lack it. */
  static String describe(IOException e) {
    if (e instanceof FileSystemException fs && fs.getFile() != null) {
      String reason = e instanceof NoSuchFileException ? "no such file"
          : e instanceof AccessDeniedException ? "permission denied"
          : fs.getReason() != null ? fs.getReason() : e.getClass().getSimpleName();
      return fs.getFile() + (fs.getOtherFile() == null ? "" : " -> " + fs.getOtherFile()) + ": " + reason;
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  static String summary(ParseReport parse, ExportReport export) {
    String rows =
        export.rowsPerTable().entrySet().stream()
            .map(e -> String.format(Locale.ROOT, "%s %,d", e.getKey(), e.getValue()))
            .collect(Collectors.joining(", "));
    long total = parse.elapsedMillis() + export.elapsedMillis();
    return String.format(
        Locale.ROOT,
        "%s (extract date %s): %,d cases seen, %,d staged, %,d deleted, %,d failed. Rows: %s."
            + " Parse %,d ms, export %,d ms (%,.0f cases/s).",
        parse.fileName(),
        parse.extractDate(),
        parse.casesSeen(),
        parse.casesStaged(),
        parse.casesDeleted(),
        parse.casesFailed(),
        rows,
        parse.elapsedMillis(),
        export.elapsedMillis(),
        total == 0 ? 0.0 : parse.casesSeen() * 1000.0 / total);
  }

  private static String describe(RejectedCase failure) {
    return (failure.caseId() == null ? "(no id)" : failure.caseId())
        + " "
        + failure.element()
        + (failure.value() == null ? "" : " '" + failure.value() + "'")
        + ": "
        + failure.reason();
  }
}
