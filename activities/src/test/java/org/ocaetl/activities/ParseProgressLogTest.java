package org.ocaetl.activities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.testing.TestExtracts;

class ParseProgressLogTest {
  @TempDir Path dir;

  @Test
  void logsCasesPercentRateAndEtaOncePerInterval() {
    ListAppender<ILoggingEvent> lines = new ListAppender<>();
    lines.start();
    Logger logger = new LoggerContext().getLogger("progress");
    logger.addAppender(lines);
    AtomicLong clock = new AtomicLong(0);
    ParseProgressLog progress =
        new ParseProgressLog(logger, "LandlordTenant.Incr.2024-03-08.zip", 1_000_000, Duration.ofSeconds(30), clock::get);

    progress.onProgress(5_000, 100_000); // at 0 s: too early
    clock.set(Duration.ofSeconds(20).toNanos());
    progress.onProgress(10_000, 200_000); // 20 s: still inside the interval
    clock.set(Duration.ofSeconds(40).toNanos());
    progress.onProgress(20_000, 400_000); // 40 s: 40 % after 40 s → 60 s left
    clock.set(Duration.ofSeconds(50).toNanos());
    progress.onProgress(25_000, 500_000); // 10 s after the last line: skipped

    assertEquals(1, lines.list.size());
    assertEquals(
        "LandlordTenant.Incr.2024-03-08.zip: 20,000 cases, 40.0%, 500 cases/s, ETA 1m 0s",
        lines.list.get(0).getFormattedMessage());
    assertFalse(lines.list.get(0).getFormattedMessage().contains("\r"));
  }

  @Test
  void withoutTheXmlSizeTheLineHasNoPercentOrEta() {
    ParseProgressLog progress =
        new ParseProgressLog(org.slf4j.LoggerFactory.getLogger("x"), "f.zip", -1, Duration.ofSeconds(30), () -> 0);
    assertEquals("f.zip: 3,000 cases, 300 cases/s", progress.line(3_000, 50_000, Duration.ofSeconds(10).toNanos()));
  }

  @Test
  void readsTheXmlSizeFromTheZipsCentralDirectory() throws Exception {
    String xml = TestExtracts.extract("2024-03-07", TestExtracts.index("A", "<Court>Bronx Housing Court</Court>"));
    Path zip = TestExtracts.zip(dir, "LandlordTenant.Incr.2024-03-08.zip", xml);
    assertEquals(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, ParseProgressLog.xmlSize(zip));
    assertEquals(-1, ParseProgressLog.xmlSize(Files.writeString(dir.resolve("not.zip"), "nope")));
  }

  @Test
  void durationsReadLikeAClock() {
    assertEquals("42s", ParseProgressLog.duration(42));
    assertEquals("2m 5s", ParseProgressLog.duration(125));
    assertEquals("1h 1m", ParseProgressLog.duration(3_700));
  }
}
