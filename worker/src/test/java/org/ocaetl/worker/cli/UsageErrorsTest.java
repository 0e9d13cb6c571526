package org.ocaetl.worker.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.ocaetl.worker.OcaCommand;
import picocli.CommandLine;

class UsageErrorsTest {

  @Test
  void aDeveloperCommandAskedOfTheProductionJarSaysWhereItIs() {
    for (String name : new String[] {"demo", "local", "generate", "bench"}) {
      StringWriter err = new StringWriter();
      int code = run(err, name, "--some-option");
      assertEquals(2, code, name);
      assertEquals(
          "oca: " + name + " is a developer command, in devtools/target/oca-dev.jar, not in this"
              + " production jar: run java -jar devtools/target/oca-dev.jar " + name
              + " (README, Quick start)",
          err.toString().strip(),
          name);
    }
  }

  @Test
  void anyOtherUnknownCommandGetsPicocliUsage() {
    StringWriter err = new StringWriter();
    assertEquals(2, run(err, "demos"));
    assertTrue(err.toString().contains("Unmatched argument at index 0: 'demos'"), err.toString());
  }

  private static int run(StringWriter err, String... args) {
    CommandLine cli = OcaCommand.commandLine();
    cli.setOut(new PrintWriter(new StringWriter()));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }
}
