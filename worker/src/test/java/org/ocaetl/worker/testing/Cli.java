package org.ocaetl.worker.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.ocaetl.worker.OcaCommand;
import picocli.CommandLine;

/** Runs {@code oca …} in-process and captures what it prints. */
public record Cli(int exitCode, String out, String err) {

  public static Cli run(String... args) {
    return run(OcaCommand.commandLine(), args);
  }

  /** Runs {@code args} on another command line built on {@code oca}'s, such as the developer jar's. */
  public static Cli run(CommandLine cli, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Cli(code, out.toString(), err.toString());
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\nstdout:\n" + out + "\nstderr:\n" + err;
  }
}
