package org.ocaetl.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.ocaetl.parse.ExtractDrift;
import org.ocaetl.promote.FilePromotion;
import org.ocaetl.promote.PromotionResult;
import org.ocaetl.stage.ParseReport;
import org.ocaetl.workflows.model.PurgeResult;

/**
 * The pipeline's own metrics, recorded by the activity implementations (the Temporal SDK adds
 * its own: task latencies, failures, poll counts). Names follow Micrometer's dotted style; the
 * Prometheus registry exports {@code oca.cases.parsed} as {@code oca_cases_parsed_total} and the
 * stage timer as {@code oca_stage_duration_seconds_*}.
 *
 * <p>Tags have a fixed, small set of values (stage, table, result, geocoder, failure type): never a
 * file name, case id or address, so the series count stays bounded and nothing sensitive leaves
 * the worker.
 */
public final class PipelineMetrics {
  private final MeterRegistry registry;
  // Gauges hold their state weakly: these keep it alive.
  private final AtomicLong lastPromotionSeconds = new AtomicLong();
  private final Map<String, AtomicLong> breakerOpenedSeconds = new ConcurrentHashMap<>();

  private final Counter casesParsed;
  private final Counter casesFailed;

  public PipelineMetrics(MeterRegistry registry) {
    this.registry = registry;
    // Exported at 0 from the start: Prometheus's increase() does not count a counter's first
    // sample, so one born with the first file's cases would hide that file from the failed-cases
    // share alert.
    casesParsed = counter("oca.cases.parsed", null, "Index elements read");
    casesFailed = counter("oca.cases.failed", null, "Index elements that could not be converted");
  }

  /** Records into a registry without exporters: for tests and {@code oca local}. */
  public static PipelineMetrics noop() {
    return new PipelineMetrics(new CompositeMeterRegistry());
  }

  /** A raw zip copied from the archive into the work folder. */
  public void fetched(long bytes, Duration elapsed) {
    counter("oca.fetch", "bytes", "Raw zip bytes fetched from the archive").increment(bytes);
    stage("fetch", elapsed);
  }

  /** A file parsed into its staging database. */
  public void parsed(ParseReport report) {
    counter("oca.files.parsed", null, "Raw files parsed").increment();
    casesParsed.increment(report.casesSeen());
    counter("oca.cases.staged", null, "Case versions converted and staged").increment(report.casesStaged());
    casesFailed.increment(report.casesFailed());
    counter("oca.cases.deleted", null, "Delete records staged").increment(report.casesDeleted());
    counter("oca.xml.read", "bytes", "Uncompressed XML bytes parsed").increment(report.xmlBytes());
    stage("parse", Duration.ofMillis(report.elapsedMillis()));
    for (ExtractDrift.PathCount path : report.drift().unmapped()) {
      Counter.builder("oca.extract.unmapped.elements")
          .description("Elements and attributes of cases that no column reads, by the section they are in")
          .tag("section", ExtractDrift.section(path.path()))
          .register(registry)
          .increment(path.count());
    }
    if (report.drift().unmappedNotListed() > 0) {
      Counter.builder("oca.extract.unmapped.elements")
          .description("Elements and attributes of cases that no column reads, by the section they are in")
          .tag("section", "unlisted")
          .register(registry)
          .increment(report.drift().unmappedNotListed());
    }
    counter("oca.extract.mapped.missing", null, "Column paths that no case of a large file held")
        .increment(report.drift().mappedNeverSeen().size());
  }

  /** A stage failed for good on this worker, by failure type (e.g. BadExtractFile). */
  public void failed(String stage, String failureType) {
    Counter.builder("oca.files.failed")
        .description("Files whose stage failed with a non-retryable error")
        .tag("stage", stage)
        .tag("type", failureType)
        .register(registry)
        .increment();
  }

  /** The staged CSVs of one file written. */
  public void exported(Map<String, Long> rowsPerTable, Duration elapsed) {
    perTable("oca.rows.exported", "Rows written to staged CSVs", rowsPerTable);
    stage("export", elapsed);
  }

  /** One file's addresses geocoded. */
  public void geocoded(String geocoder, long addresses, Duration elapsed) {
    Counter.builder("oca.geocode.addresses")
        .description("Addresses geocoded during staging")
        .tag("geocoder", geocoder)
        .register(registry)
        .increment(addresses);
    stage("geocode", elapsed);
  }

  /** One file's staged output uploaded to the store. */
  public void uploaded(long bytes, Duration elapsed) {
    counter("oca.upload", "bytes", "Staged bytes uploaded to the object store").increment(bytes);
    stage("upload", elapsed);
  }

  /** One promotion transaction committed. */
  public void promoted(PromotionResult result) {
    for (FilePromotion file : result.files()) {
      Counter.builder("oca.promotion.files")
          .description("Files in committed promotions")
          .tag("result", file.alreadyPromoted() ? "already_promoted" : "promoted")
          .register(registry)
          .increment();
      promotedCases("applied", file.casesApplied());
      promotedCases("skipped_older", file.casesSkippedOlder());
      promotedCases("tombstoned", file.casesTombstoned());
      promotedCases("deleted", file.casesDeleted());
      perTable("oca.promotion.rows.inserted", "Rows inserted into the main tables by promotions", file.rowsInserted());
      if (!file.alreadyPromoted()) {
        lastPromotion(Instant.now());
      }
    }
    stage("promote", Duration.ofMillis(result.elapsedMillis()));
  }

  /**
   * When a file was last promoted: set from the ledger when the worker starts (so a restart does
   * not look like stale data) and on every promotion that applied a file. No series before the
   * first promotion ever.
   */
  public void lastPromotion(Instant promotedAt) {
    if (lastPromotionSeconds.getAndAccumulate(promotedAt.getEpochSecond(), Math::max) == 0) {
      Gauge.builder("oca.last.promotion.timestamp", lastPromotionSeconds, AtomicLong::get)
          .baseUnit("seconds")
          .description("Unix time of the last promotion that applied a file (from the ledger at start)")
          .register(registry);
    }
  }

  /**
   * A geocode step ended with a geocoder's circuit breaker open: the addresses left wait for the
   * backfill. A breaker lives for one step, so the time is what outlasts it for an alert.
   */
  public void breakerOpened(String geocoder, Instant stepEnded) {
    breakerOpenedSeconds
        .computeIfAbsent(
            geocoder,
            name -> {
              AtomicLong seconds = new AtomicLong();
              Gauge.builder("oca.geocoder.breaker.opened.timestamp", seconds, AtomicLong::get)
                  .baseUnit("seconds")
                  .description("Unix time of the end of the last geocode step in which this geocoder's breaker opened")
                  .tag("geocoder", name)
                  .register(registry);
              return seconds;
            })
        .accumulateAndGet(stepEnded.getEpochSecond(), Math::max);
  }

  /** The public snapshot rewritten. */
  public void published(int objects, Duration elapsed) {
    counter("oca.publish.objects", null, "Public objects written").increment(objects);
    stage("publish", elapsed);
  }

  /** Tombstoned cases purged. */
  public void purged(PurgeResult result) {
    perTable("oca.purge.rows", "Rows of tombstoned cases deleted by the purge", result.rowsDeletedPerTable());
    stage("purge", Duration.ofMillis(result.elapsedMillis()));
  }

  /** A run notification sent: delivered, or undelivered after its retries. */
  public void notification(boolean delivered) {
    Counter.builder("oca.notification.sent")
        .description("Run notifications sent to the webhook, by whether they were delivered")
        .tag("result", delivered ? "delivered" : "undelivered")
        .register(registry)
        .increment();
  }

  private void perTable(String name, String description, Map<String, Long> rowsPerTable) {
    rowsPerTable.forEach(
        (table, rows) ->
            Counter.builder(name).description(description).tag("table", table).register(registry).increment(rows));
  }

  private void promotedCases(String result, long cases) {
    Counter.builder("oca.promotion.cases")
        .description("Case versions in committed promotions, by what happened to them")
        .tag("result", result)
        .register(registry)
        .increment(cases);
  }

  private void stage(String stage, Duration elapsed) {
    Timer.builder("oca.stage.duration")
        .description("Wall time of a pipeline stage (per file; promotion per transaction)")
        .tag("stage", stage)
        .register(registry)
        .record(elapsed);
  }

  private Counter counter(String name, String baseUnit, String description) {
    return Counter.builder(name).baseUnit(baseUnit).description(description).register(registry);
  }
}
