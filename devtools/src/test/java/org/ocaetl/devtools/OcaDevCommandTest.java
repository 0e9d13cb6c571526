package org.ocaetl.devtools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.worker.OcaCommand;
import org.ocaetl.worker.OcaCommandTest;
import picocli.CommandLine;

/** oca-dev.jar's command line: every {@code oca} command and the developer ones, under the same contract. */
class OcaDevCommandTest extends OcaCommandTest {

  @Override
  protected CommandLine commandLine() {
    return OcaDevCommand.commandLine();
  }

  @Test
  void answersEveryOcaCommandAndTheDeveloperOnes() {
    Set<String> dev = OcaDevCommand.commandLine().getSubcommands().keySet();
    assertTrue(dev.containsAll(OcaCommand.commandLine().getSubcommands().keySet()), dev.toString());
    assertTrue(dev.containsAll(List.of("demo", "local", "generate", "bench")), dev.toString());
  }

  /** The JVM's user.home comes from the password database; a user's shell says $HOME. */
  @Test
  @Tag("slow")
  void theDataFoldersDefaultToHomeNotTheJvmsUserHome(@TempDir Path home) throws Exception {
    for (String command : List.of("demo", "local")) {
      ProcessBuilder jvm = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", System.getProperty("java.class.path"), OcaDevCommand.class.getName(), command, "--help");
      jvm.environment().put("HOME", home.toString());
      jvm.redirectErrorStream(true);
      Process process = jvm.start();
      // picocli wraps long defaults at any character, so compare with the white space taken out.
      String help = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).replaceAll("\\s+", "");
      assertEquals(0, process.waitFor(), help);
      String folder = home.resolve(command.equals("demo") ? ".oca/demo" : ".oca").toString();
      assertTrue(help.contains("(default:" + folder + ")"), command + " --help: " + help);
    }
  }
}
