package org.ocaetl.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line contract: help everywhere, exit code 2 on bad usage. */
class OcaCommandTest {

  private record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    CommandLine cli = OcaCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void everySubcommandHasHelp() {
    Map<String, CommandLine> subcommands = OcaCommand.commandLine().getSubcommands();
    for (String name : subcommands.keySet()) {
      if (name.equals("help")) {
        continue;
      }
      Run run = run(name, "--help");
      assertEquals(0, run.exitCode(), name + " --help");
      assertTrue(run.out().contains("Usage: oca " + name), name + " --help prints its usage");
    }
  }

  @Test
  void badUsageExitsWithTwo() {
    assertEquals(2, run("no-such-command").exitCode());
    assertEquals(2, run().exitCode());
    for (String name : OcaCommand.commandLine().getSubcommands().keySet()) {
      if (!name.equals("help")) {
        assertEquals(2, run(name, "--no-such-option").exitCode(), name + " with a bad option");
      }
    }
  }

  @Test
  void rootHelpListsTheCommands() {
    Run run = run("--help");
    assertEquals(0, run.exitCode());
    assertTrue(run.out().contains("Commands:"));
  }
}
