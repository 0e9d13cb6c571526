package org.ocaetl.worker.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ocaetl.worker.OcaCommand;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The environment variables the code reads, found in the code itself: the {@code ${env:OCA_…}}
 * defaults of every option of every {@code oca} command, and the variables of the production
 * logback.xml. Documentation, Dockerfile and manifests are checked against this set.
 */
public final class OcaEnvironment {
  public static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern ENV_DEFAULT = Pattern.compile("^\\$\\{env:(OCA_[A-Z0-9_]+)(?::-(.*))?}$");
  private static final Pattern LOGBACK_VARIABLE = Pattern.compile("\\$\\{(OCA_[A-Z0-9_]+):-([^}]*)}");

  private OcaEnvironment() {}

  /** An option backed by an environment variable. */
  public record Setting(String flag, String env, String defaultValue) {}

  /** Every option with an environment default, by env variable and flag (same pair in several commands once). */
  public static Map<String, Setting> options() {
    return options(OcaCommand.commandLine());
  }

  /** The same for another command line built on {@code oca}'s, such as the developer jar's. */
  public static Map<String, Setting> options(CommandLine commandLine) {
    Map<String, Setting> settings = new LinkedHashMap<>();
    collect(commandLine, settings);
    return settings;
  }

  private static void collect(CommandLine command, Map<String, Setting> settings) {
    command.getCommandSpec().interpolateVariables(false); // read ${env:…} as written
    for (OptionSpec option : command.getCommandSpec().options()) {
      String original = option.defaultValue();
      if (original == null) {
        continue;
      }
      Matcher m = ENV_DEFAULT.matcher(original);
      if (m.matches()) {
        Setting setting = new Setting(option.longestName(), m.group(1), m.group(2));
        Setting seen = settings.putIfAbsent(setting.env() + " " + setting.flag(), setting);
        if (seen != null && !seen.equals(setting)) {
          throw new AssertionError("one variable, two defaults: " + seen + " and " + setting);
        }
      }
    }
    command.getSubcommands().values().forEach(sub -> collect(sub, settings));
  }

  /** {@code OCA_LOG_FORMAT} and {@code OCA_LOG_LEVEL} with their defaults, from logback.xml. */
  public static Map<String, String> logbackVariables() throws IOException {
    Map<String, String> variables = new LinkedHashMap<>();
    Matcher m = LOGBACK_VARIABLE.matcher(Files.readString(Path.of("src/main/resources/logback.xml")));
    while (m.find()) {
      variables.put(m.group(1), m.group(2));
    }
    return variables;
  }

  /** Every OCA_* variable the code reads. */
  public static TreeSet<String> names() throws IOException {
    TreeSet<String> names = new TreeSet<>();
    options().values().forEach(s -> names.add(s.env()));
    names.addAll(logbackVariables().keySet());
    return names;
  }
}
