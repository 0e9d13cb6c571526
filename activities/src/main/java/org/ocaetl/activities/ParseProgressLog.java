package org.ocaetl.activities;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.ocaetl.parse.ExtractReader;
import org.ocaetl.stage.ParseProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Progress lines of a long parse, one per interval: cases read, percentage of the XML, cases per
 * second and the estimated time left, e.g. {@code LandlordTenant.Initial.2024-03-01.zip: 1,200,000
 * cases, 43.1%, 8,512 cases/s, ETA 4m 10s}. Plain log lines (never carriage-return bars), so
 * they read the same in a terminal, a pod log or a JSON log shipper. The percentage comes from
 * the uncompressed XML size in the zip's central directory; without it the line has no % or ETA.
 */
public final class ParseProgressLog implements ParseProgress {
  /** Often enough to see a parse move, rarely enough to keep pod logs short. */
  public static final Duration INTERVAL = Duration.ofSeconds(30);

  private static final Logger LOG = LoggerFactory.getLogger(ParseProgressLog.class);

  private final Logger log;
  private final String fileName;
  private final long xmlSize;
  private final long intervalNanos;
  private final LongSupplier nanoTime;
  private final long started;
  private long lastLogged;

  /**
   * @param log where the lines go
   * @param fileName the raw zip's base name (no case content ever goes into these lines)
   * @param xmlSize uncompressed size of the XML member, or -1 when unknown
   * @param interval least time between two lines
   * @param nanoTime the clock ({@link System#nanoTime} outside tests)
   */
  ParseProgressLog(Logger log, String fileName, long xmlSize, Duration interval, LongSupplier nanoTime) {
    this.log = log;
    this.fileName = fileName;
    this.xmlSize = xmlSize;
    this.intervalNanos = interval.toNanos();
    this.nanoTime = nanoTime;
    this.started = nanoTime.getAsLong();
    this.lastLogged = started;
  }

  /** Progress of parsing {@code zip}, one line every {@link #INTERVAL}. */
  public static ParseProgressLog of(Path zip) {
    return new ParseProgressLog(LOG, zip.getFileName().toString(), xmlSize(zip), INTERVAL, System::nanoTime);
  }

  @Override
  public void onProgress(long casesSeen, long xmlBytesRead) {
    long now = nanoTime.getAsLong();
    if (now - lastLogged < intervalNanos) {
      return;
    }
    lastLogged = now;
    log.info(line(casesSeen, xmlBytesRead, now - started));
  }

  String line(long cases, long bytes, long elapsedNanos) {
    double seconds = Math.max(elapsedNanos / 1e9, 1e-3);
    StringBuilder line =
        new StringBuilder(fileName)
            .append(": ")
            .append(String.format(Locale.ROOT, "%,d cases", cases));
    if (xmlSize > 0 && bytes > 0) {
      double fraction = Math.min(1.0, (double) bytes / xmlSize);
      line.append(String.format(Locale.ROOT, ", %.1f%%", fraction * 100));
      line.append(String.format(Locale.ROOT, ", %,d cases/s", Math.round(cases / seconds)));
      long etaSeconds = Math.round(seconds * (1 - fraction) / fraction);
      line.append(", ETA ").append(duration(etaSeconds));
    } else {
      line.append(String.format(Locale.ROOT, ", %,d cases/s", Math.round(cases / seconds)));
    }
    return line.toString();
  }

  static String duration(long seconds) {
    if (seconds >= 3600) {
      return seconds / 3600 + "h " + seconds % 3600 / 60 + "m";
    }
    if (seconds >= 60) {
      return seconds / 60 + "m " + seconds % 60 + "s";
    }
    return seconds + "s";
  }

  /** The XML member's uncompressed size from the central directory; -1 if the zip does not say. */
  static long xmlSize(Path zip) {
    try (ZipFile file = new ZipFile(zip.toFile())) {
      ZipEntry entry = file.getEntry(ExtractReader.MEMBER);
      return entry == null ? -1 : entry.getSize();
    } catch (IOException e) {
      return -1; // the parse itself reports an unreadable zip, with the reason
    }
  }
}
