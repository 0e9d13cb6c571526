package org.ocaetl.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The tests' logback-test.xml: a green build prints warnings and errors, not what tests cause on purpose. */
class TestLoggingTest {
  private static final Logger ROOT = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

  @Test
  void theConsoleShowsWarningsAndErrorsOnlyEvenFromALoweredLogger() {
    Logger project = (Logger) LoggerFactory.getLogger("org.ocaetl.somewhere");
    Appender<ILoggingEvent> console = ROOT.getAppender("console");
    assertEquals(FilterReply.DENY, console.getFilterChainDecision(event(project, Level.DEBUG)), "LogCapture lowers levels");
    assertEquals(FilterReply.DENY, console.getFilterChainDecision(event(project, Level.INFO)));
    assertEquals(FilterReply.NEUTRAL, console.getFilterChainDecision(event(project, Level.WARN)));
  }

  @Test
  void temporalsReportsOfFailuresTestsCauseAreOffButNotItsErrors() {
    for (String name : new String[] {
        "io.temporal.internal.activity.ActivityTaskExecutors", "io.temporal.internal.sync.WorkflowExecutionHandler"}) {
      Logger temporal = (Logger) LoggerFactory.getLogger(name);
      assertFalse(temporal.isWarnEnabled(), name);
      assertTrue(temporal.isErrorEnabled(), name);
    }
    assertFalse(((Logger) LoggerFactory.getLogger("io.temporal.internal.worker.PollerOptions")).isErrorEnabled(),
        "the OutOfMemoryError a worker test throws on purpose");
    assertTrue(((Logger) LoggerFactory.getLogger("io.temporal.internal.worker.WorkflowWorker")).isWarnEnabled(),
        "a workflow task that keeps failing is still reported");
  }

  private static ILoggingEvent event(Logger logger, Level level) {
    return new LoggingEvent(TestLoggingTest.class.getName(), logger, level, "a message", null, null);
  }
}
