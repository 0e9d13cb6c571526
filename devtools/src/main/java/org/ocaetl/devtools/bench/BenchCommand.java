package org.ocaetl.devtools.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ocaetl.db.DatabaseUrl;
import org.ocaetl.db.PostgisMode;
import org.ocaetl.generate.ExtractGenerator;
import org.ocaetl.generate.GeneratorSettings;
import org.ocaetl.worker.options.PostgisOption;
import org.ocaetl.worker.options.StagingOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code oca bench}: measures parse + stage + export throughput and process memory. Performance is
 * measured here, never asserted in tests.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Measures the pipeline's speed and the peak RSS of the whole process: parse + stage + export by default;"
          + " --profile full-history, promotion or publish, --end-to-end and --geocode measure the other stages.",
      "By default it generates (or takes) a weekly-profile extract and a large one, runs parse + stage + export"
          + " several times each and prints cases/s and MB/s of XML.",
      "Run it with the JVM sized as in production, e.g. java -Xmx640m -jar oca-dev.jar bench."
    })
public final class BenchCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin StagingOptions staging;

  @Mixin PostgisOption postgis;

  @Option(
      names = "--file",
      paramLabel = "ZIP",
      description = "Benchmark these raw files instead of generating them (repeatable).")
  List<Path> files = new ArrayList<>();

  @Option(
      names = "--cases",
      defaultValue = "30000",
      paramLabel = "N",
      description = "Cases of the generated weekly-profile file (with --profile promotion: of the weekly file),"
          + " default ${DEFAULT-VALUE}.")
  int cases;

  @Option(
      names = "--large-cases",
      defaultValue = "300000",
      paramLabel = "N",
      description = "Cases of the generated large file (0 = none), default ${DEFAULT-VALUE}.")
  int largeCases;

  @Option(
      names = "--runs",
      defaultValue = "3",
      paramLabel = "N",
      description = "Measured runs per file (after one warm-up run), default ${DEFAULT-VALUE}.")
  int runs;

  @Option(
      names = "--end-to-end",
      description = "Measure weekly runs end to end instead (oca local's pipeline: Temporal in-process,"
          + " staging, promotion, publish) into a database that already holds --base-cases cases.")
  boolean endToEnd;

  @Option(
      names = "--base-cases",
      defaultValue = "1000000",
      paramLabel = "N",
      description = "With --end-to-end: cases of the history loaded first (once); with --profile promotion:"
          + " cases in the database before the weekly file, default ${DEFAULT-VALUE}.")
  int baseCases;

  @Option(
      names = "--weeks",
      paramLabel = "N",
      description = {
        "With --end-to-end: weekly runs measured (default 3); with --profile full-history: weekly",
        "files after the Initial files (default 52)."
      })
  Integer weeks;

  @Option(
      names = "--profile",
      paramLabel = "NAME",
      description = {
        "full-history: a full reprocess into an empty schema (oca_history_bench): --years Initial"
            + " files of --initial-cases cases and --weeks weekly files of --cases cases in one run (staging,"
            + " one promotion, publish), then one more weekly file against the full database. Run it with"
            + " the image's limits: java -Xmx640m -jar oca-dev.jar bench --profile full-history.",
        "promotion: the promotion alone: --base-cases generated cases in an empty schema"
            + " (oca_promotion_bench), then a weekly file of --cases cases promoted twice, with the plans"
            + " of its per-table deletes.",
        "publish: the publish alone, --runs times, of the schema full-history left in --database-url"
            + " (oca_history_bench), into an empty folder store under --work-dir."
      })
  String profile;

  @Option(
      names = "--years",
      defaultValue = "10",
      paramLabel = "N",
      description = "With --profile full-history: Initial files (filed years from 2016), default ${DEFAULT-VALUE}.")
  int years;

  @Option(
      names = "--initial-cases",
      defaultValue = "300000",
      paramLabel = "N",
      description = "With --profile full-history: cases per Initial file, default ${DEFAULT-VALUE}.")
  int initialCases;

  @Option(
      names = "--parallel",
      defaultValue = "2",
      paramLabel = "N",
      description = "With --profile full-history: files staged at once, default ${DEFAULT-VALUE}.")
  int parallel;

  @Option(
      names = "--work-dir",
      paramLabel = "DIR",
      description = "Folder for generated files and staging databases, default a temporary one.")
  Path workDir;

  @Option(
      names = "--geocode",
      description = "Benchmark the geocode step instead: addresses/s against a local Geoclient stub at the"
          + " rate limit, with cache hits, and unlimited (needs --database-url for the cache).")
  boolean geocode;

  @Option(
      names = "--geocode-addresses",
      defaultValue = "3000",
      paramLabel = "N",
      description = "Distinct addresses of the geocode benchmark, default ${DEFAULT-VALUE}.")
  int geocodeAddresses;

  @Option(
      names = "--geocode-rate",
      defaultValue = "2500",
      paramLabel = "N",
      description = "Geoclient requests a minute in the geocode benchmark, default ${DEFAULT-VALUE}.")
  int geocodeRate;

  @Option(
      names = "--database-url",
      defaultValue = "${env:OCA_DATABASE_URL}",
      paramLabel = "URL",
      description = "PostgreSQL (env OCA_DATABASE_URL): with --end-to-end / --profile the database to load (schema"
          + " oca_bench / oca_history_bench / oca_promotion_bench; default an embedded one), with --geocode that"
          + " of the cache (schema oca_geocode_bench; required).")
  String databaseUrl;

  private BenchSetup benchSetup(Path work) {
    CommandLine cli = spec.commandLine();
    return new BenchSetup(databaseUrl, work, staging.limits(work), postgisMode(), cli.getOut(), cli.getErr());
  }

  private PostgisMode postgisMode() {
    try {
      return postgis.mode();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  @Override
  public Integer call() throws Exception {
    if (geocode) {
      return benchGeocoding();
    }
    if (runs < 1 || cases < 1 || largeCases < 0) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--runs and --cases must be at least 1, --large-cases at least 0");
    }
    PrintWriter out = spec.commandLine().getOut();
    Path work = workFolder();
    if ("promotion".equals(profile)) {
      PromotionBenchmark.Weekly weekly;
      try {
        weekly = PromotionBenchmark.Weekly.of(cases, baseCases);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
      new PromotionBenchmark(benchSetup(work)).run(baseCases, weekly);
      out.printf(Locale.ROOT, "peak RSS of the whole process: %s%n", ProcessMemory.mib(ProcessMemory.peakRss()));
      return 0;
    }
    if ("publish".equals(profile)) {
      if (databaseUrl == null) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--profile publish needs --database-url: the database that --profile full-history loaded");
      }
      new PublishBenchmark(benchSetup(work)).run(runs);
      return 0;
    }
    if (profile != null) {
      if (!profile.equals("full-history") || years < 1 || initialCases < 1 || parallel < 1
          || (weeks != null && weeks < 0)) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "--profile takes full-history, promotion or publish; --years, --initial-cases and --parallel must be at least 1");
      }
      new FullHistoryBenchmark(benchSetup(work)).run(years, initialCases, weeks == null ? 52 : weeks, cases, parallel);
      return 0;
    }
    if (endToEnd) {
      new EndToEndBenchmark(benchSetup(work)).run(baseCases, cases, weeks == null ? 3 : weeks);
      out.printf(Locale.ROOT, "peak RSS of the whole process: %s%n", ProcessMemory.mib(ProcessMemory.peakRss()));
      return 0;
    }
    List<Path> inputs = files.isEmpty() ? generateInputs(work, out) : files;
    StagingBenchmark benchmark = new StagingBenchmark(staging.limits(work));
    out.printf(
        Locale.ROOT,
        "JVM max heap %s, DuckDB memory_limit %s, %d cores, load average %s%n",
        ProcessMemory.mib(java.util.OptionalLong.of(Runtime.getRuntime().maxMemory())),
        staging.limits(work).memoryLimit(),
        Runtime.getRuntime().availableProcessors(),
        ProcessMemory.loadAverage());
    for (Path zip : inputs) {
      benchmark.run(zip, work); // warm-up: JIT, DuckDB native library load, page cache
      List<StagingBenchmark.StagingRun> measured = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        StagingBenchmark.StagingRun run = benchmark.run(zip, work);
        measured.add(run);
        out.printf(
            Locale.ROOT,
            "%s run %d: %,d cases, %,.1f MB XML, %,d rows: parse+stage %.2f s, export %.2f s,"
                + " %,.0f cases/s, %,.1f MB/s, process CPU %.2f s%n",
            zip.getFileName(),
            i + 1,
            run.cases(),
            run.xmlBytes() / 1e6,
            run.rows(),
            run.parseSeconds(),
            run.exportSeconds(),
            run.casesPerSecond(),
            run.xmlMegabytesPerSecond(),
            run.cpuSeconds());
        out.flush();
      }
      StagingBenchmark.StagingRun median =
          measured.stream()
              .sorted(Comparator.comparingDouble(StagingBenchmark.StagingRun::totalSeconds))
              .toList()
              .get(measured.size() / 2);
      out.printf(
          Locale.ROOT,
          "%s median: %,.0f cases/s, %,.1f MB/s of XML (%.2f s); median process CPU %.2f s%n",
          zip.getFileName(),
          median.casesPerSecond(),
          median.xmlMegabytesPerSecond(),
          median.totalSeconds(),
          measured.stream().mapToDouble(StagingBenchmark.StagingRun::cpuSeconds).sorted().toArray()[
              measured.size() / 2]);
    }
    out.printf(
        Locale.ROOT,
        "peak RSS of the whole process: %s; load average at the end %s%n",
        ProcessMemory.mib(ProcessMemory.peakRss()),
        ProcessMemory.loadAverage());
    return 0;
  }

  /** --work-dir, created if needed, or a fresh temporary folder. */
  private Path workFolder() throws IOException {
    return workDir != null ? Files.createDirectories(workDir) : Files.createTempDirectory("oca-bench-");
  }

  private int benchGeocoding() throws IOException, InterruptedException {
    if (databaseUrl == null || geocodeAddresses < 1 || geocodeRate < 1) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--geocode needs --database-url; --geocode-addresses and --geocode-rate must be positive");
    }
    PrintWriter out = spec.commandLine().getOut();
    Path work = workFolder();
    new GeocodeBenchmark(DatabaseUrl.parse(databaseUrl), out).run(work, geocodeAddresses, geocodeRate);
    out.printf(Locale.ROOT, "peak RSS of the whole process: %s%n", ProcessMemory.mib(ProcessMemory.peakRss()));
    return 0;
  }

  private List<Path> generateInputs(Path work, PrintWriter out) throws IOException {
    List<Path> generated = new ArrayList<>();
    Path inputs = Files.createDirectories(work.resolve("inputs"));
    generated.add(generate(inputs.resolve("weekly"), GeneratorSettings.defaults().withCases(cases), out));
    if (largeCases > 0) {
      generated.add(
          generate(
              inputs.resolve("large"),
              GeneratorSettings.defaults().withCases(largeCases).withInitialFiledYear(2024),
              out));
    }
    return generated;
  }

  private static Path generate(Path dir, GeneratorSettings settings, PrintWriter out)
      throws IOException {
    Path zip = dir.resolve(settings.fileName());
    if (!Files.exists(zip)) { // generated files are deterministic: reuse them across bench runs
      zip = new ExtractGenerator(settings).generate(dir);
    }
    out.printf(Locale.ROOT, "input %s (%,d bytes)%n", zip, Files.size(zip));
    return zip;
  }
}
