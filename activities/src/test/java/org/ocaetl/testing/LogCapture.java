package org.ocaetl.testing;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/**
 * Everything the code logs while open, at every level (the project's loggers are lowered to
 * TRACE meanwhile), with stack traces: for asserting that no secret reaches a log line.
 */
public final class LogCapture implements AutoCloseable {
  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final Logger project = (Logger) LoggerFactory.getLogger("org.ocaetl");
  private final Level projectLevel = project.getLevel();
  private final ListAppender<ILoggingEvent> events = new ListAppender<>();

  private LogCapture() {
    events.start();
    root.addAppender(events);
    project.setLevel(Level.TRACE);
  }

  public static LogCapture start() {
    return new LogCapture();
  }

  /** The captured lines: logger, level, formatted message and any stack trace. */
  public String text() {
    StringBuilder out = new StringBuilder();
    for (ILoggingEvent e : events.list) {
      out.append(e.getLevel()).append(' ').append(e.getLoggerName()).append(" - ").append(e.getFormattedMessage()).append('\n');
      IThrowableProxy thrown = e.getThrowableProxy();
      if (thrown != null) {
        out.append(ThrowableProxyUtil.asString(thrown)).append('\n');
      }
    }
    return out.toString();
  }

  public int lines() {
    return events.list.size();
  }

  @Override
  public void close() {
    root.detachAppender(events);
    project.setLevel(projectLevel);
    events.stop();
  }
}
