package org.ocaetl.devtools.local;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.Callable;
import org.ocaetl.generate.ExtractSeries;
import org.ocaetl.generate.GenerationResult;
import org.ocaetl.worker.cli.CommandLines;
import org.ocaetl.worker.options.PostgisOption;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code oca demo}: a realistic small series (one Initial, three weekly Incrementals with updates
 * and deletes) run through {@code oca local}, then how to look at the result.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Generates one Initial extract and three weekly Incrementals (with updates and deletes) and runs"
          + " the whole pipeline over them with `oca local`.",
      "Exit codes as for `oca local`."
    })
public final class DemoCommand implements Callable<Integer> {
  private static final LocalDate FIRST_RUN_DATE = LocalDate.of(2025, 6, 15);
  /** The README's quick-start launch: no JDK warnings on 23+, and JDK 21 ignores the flag it does not know. */
  public static final String LAUNCH =
      "java -XX:+IgnoreUnrecognizedVMOptions --sun-misc-unsafe-memory-access=allow -jar devtools/target/oca-dev.jar";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--cases",
      defaultValue = "5000",
      paramLabel = "N",
      description = "Cases per file (default: ${DEFAULT-VALUE}).")
  int cases;

  @Option(
      names = "--seed",
      defaultValue = "7",
      paramLabel = "S",
      description = "Generator seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--database-url",
      paramLabel = "URL",
      description = "PostgreSQL to load into (default: an embedded one under --data-dir).")
  String databaseUrl;

  @Option(
      names = "--data-dir",
      defaultValue = "${env:HOME:-${sys:user.home}}/.oca/demo",
      paramLabel = "DIR",
      description = "Raw files, store, work files and the embedded PostgreSQL (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @CommandLine.Mixin PostgisOption postgis;

  @Override
  public Integer call() throws Exception {
    if (cases < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--cases must be at least 1");
    }
    PrintWriter err = spec.commandLine().getErr();
    Path raw = Files.createDirectories(dataDir.resolve("raw"));
    // Deterministic for the seed: regenerating writes the same bytes, so a second demo run finds
    // every file already promoted and changes nothing.
    for (GenerationResult file : ExtractSeries.weekly(raw, cases, seed, FIRST_RUN_DATE)) {
      err.printf("generated %s (%,d cases, %,d deletes)%n", file.zip().getFileName(), file.cases(), file.deletes());
    }
    err.flush();

    List<String> args = new ArrayList<>(List.of("--raw-dir", raw.toString(), "--data-dir", dataDir.toString(),
        "--postgis", postgis.value()));
    if (databaseUrl != null) {
      args.addAll(List.of("--database-url", databaseUrl));
    }
    LocalCommand local = new LocalCommand();
    // Only --database-url points the demo at a database: a shell's OCA_DATABASE_URL may be production.
    local.environment = new HashMap<>(System.getenv());
    local.environment.remove(LocalCommand.DATABASE_URL_ENV);
    CommandLine localCommand = CommandLines.configure(new CommandLine(local));
    localCommand.setOut(spec.commandLine().getOut());
    localCommand.setErr(err);
    int exit = localCommand.execute(args.toArray(String[]::new));

    err.println();
    err.println("Published files: " + dataDir.resolve("store/public")
        + " (one CSV per table and view and the case summary, its typed twin under parquet/,"
        + " datapackage.json describing both, the status page index.html, the date file and badge)");
    err.println("Staged files and reports: " + dataDir.resolve("store/private/staging"));
    err.println(
        databaseUrl != null
            ? "Query the tables, e.g.: psql '" + databaseUrl + "' -c 'SELECT court, count(*) FROM oca_index GROUP BY 1'"
            : "The embedded PostgreSQL stopped with this command: the address printed above no longer answers."
                + " Its data stays in " + dataDir.resolve("postgres") + " for the next demo.\n"
                + "To query the tables with psql, run the demo against your own PostgreSQL:\n"
                + "  " + LAUNCH + " demo --database-url postgresql://postgres@127.0.0.1:5432/postgres\n"
                + "  psql -h 127.0.0.1 -U postgres -c 'SELECT court, count(*) FROM oca_index GROUP BY 1'");
    err.println("Status page: open " + dataDir.resolve("store/public/index.html").toUri() + " in a browser");
    err.flush();
    return exit;
  }
}
