package org.ocaetl.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.ConsoleAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/**
 * The production logback.xml, loaded as it is: human-readable lines by default, one JSON object
 * per line with {@code OCA_LOG_FORMAT=json} (the variable is read from the environment, or here
 * from the logger context, which logback consults first), always on stderr. The subprocess in
 * {@link org.ocaetl.worker.runtime.WorkerProcessTest} checks the same through the real environment and stderr.
 */
@SuppressWarnings("unchecked")
class LogFormatTest {
  static final Path CONFIG = Path.of("src/main/resources/logback.xml");

  @Test
  void humanReadableByDefault() throws Exception {
    String err = logOneLine(null);
    assertTrue(err.matches("\\d{2}:\\d{2}:\\d{2}\\.\\d{3} INFO  \\[main] o\\.o\\.worker\\.LogFormatTest - hello 42\\n"), err);
  }

  @Test
  void jsonWithOneSwitch() throws Exception {
    String err = logOneLine("json");
    var event = new ObjectMapper().readTree(err);
    assertEquals("INFO", event.get("level").asText());
    assertEquals("hello {}", event.get("message").asText());
    assertEquals("42", event.get("arguments").get(0).asText());
    assertEquals(LogFormatTest.class.getName(), event.get("loggerName").asText());
    assertEquals(1, err.strip().lines().count(), "one line per event");
  }

  @Test
  void debugOnlyWithTheLevelSwitch() throws Exception {
    assertTrue(context(null, "DEBUG").getLogger("org.ocaetl").isDebugEnabled());
    assertTrue(!context(null, null).getLogger("org.ocaetl").isDebugEnabled());
  }

  /** Logs one event through the configured appender; its output stream is captured, its target checked. */
  private static String logOneLine(String format) throws Exception {
    LoggerContext context = context(format, null);
    String appenderName = format == null ? "text" : format;
    ConsoleAppender<ILoggingEvent> appender =
        (ConsoleAppender<ILoggingEvent>) context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender(appenderName);
    assertEquals("System.err", appender.getTarget(), "stdout carries results only");
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    appender.setOutputStream(captured);
    context.getLogger(LogFormatTest.class).info("hello {}", 42);
    context.stop();
    return captured.toString(StandardCharsets.UTF_8);
  }

  private static LoggerContext context(String format, String level) throws Exception {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter()); // a standalone context has none
    if (format != null) {
      context.putProperty("OCA_LOG_FORMAT", format);
    }
    if (level != null) {
      context.putProperty("OCA_LOG_LEVEL", level);
    }
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(CONFIG.toFile());
    return context;
  }
}
