package org.ocaetl.activities;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowStub;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.ocaetl.discover.Sha256;
import org.ocaetl.geocode.AddressCsvGeocoder;
import org.ocaetl.geocode.Geocoding;
import org.ocaetl.geocode.api.GeocodeRun;
import org.ocaetl.metrics.PipelineMetrics;
import org.ocaetl.model.OcaTable;
import org.ocaetl.parse.ExtractFileException;
import org.ocaetl.stage.ExportReport;
import org.ocaetl.stage.ExtractParser;
import org.ocaetl.stage.ParseReport;
import org.ocaetl.stage.StagingExporter;
import org.ocaetl.stage.StagingLimits;
import org.ocaetl.stage.StagingSpaceException;
import org.ocaetl.store.FileTrees;
import org.ocaetl.store.ObjectStore;
import org.ocaetl.store.StoreKeys;
import org.ocaetl.workflows.FailureTypes;
import org.ocaetl.workflows.FileActivities;
import org.ocaetl.workflows.model.ExportSummary;
import org.ocaetl.workflows.model.ExtractDrift;
import org.ocaetl.workflows.model.FileResult;
import org.ocaetl.workflows.model.GeocodeSummary;
import org.ocaetl.workflows.model.HostAssignment;
import org.ocaetl.workflows.model.HostStep;
import org.ocaetl.workflows.model.ParseSummary;
import org.ocaetl.workflows.model.StagedLookup;
import org.ocaetl.workflows.model.StagingClaim;
import org.ocaetl.workflows.model.UploadSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The staging steps of one file on this worker. Registered on the shared task queue (fetch,
 * findStaged) and on this worker's own queue (parse, export, geocode, upload), which is why
 * {@link #fetch} answers with that queue's name. Each file workflow gets its own work folder,
 * keyed by its workflow id; fetch empties it, upload deletes it.
 */
public final class FileActivitiesImpl implements FileActivities {
  private static final Logger log = LoggerFactory.getLogger(FileActivitiesImpl.class);
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .build();

  private final ObjectStore store;
  private final Path workDir;
  private final String hostTaskQueue;
  private final Duration hostWait;
  private final StagingLimits limits;
  private final Geocoding geocoding;
  private final PipelineMetrics metrics;
  private final Clock clock;

  /**
   * @param store where raw files are archived and staged output goes
   * @param workDir this worker's local scratch folder
   * @param hostTaskQueue the task queue only this worker polls
   * @param hostWait how long a step may wait on that queue before the worker counts as lost
   * @param limits DuckDB resource limits
   * @param geocoding the geocoders of the geocode step (shared with the other activities of this worker)
   * @param metrics where stage counters and durations are recorded
   * @param clock the processing day of a parse is read from it (docs/processing-rules.md#rule-1: a RunDate later than the
   *     day after it refuses the file)
   */
  public FileActivitiesImpl(
      ObjectStore store,
      Path workDir,
      String hostTaskQueue,
      Duration hostWait,
      StagingLimits limits,
      Geocoding geocoding,
      PipelineMetrics metrics,
      Clock clock) {
    this.store = store;
    this.workDir = workDir;
    this.hostTaskQueue = hostTaskQueue;
    this.hostWait = hostWait;
    this.limits = limits;
    this.geocoding = geocoding;
    this.metrics = metrics;
    this.clock = clock;
  }

  /**
   * Deletes the work folders a previous process left behind (its executions moved to other
   * workers when its host queue went silent). Only folders named like work folders are touched,
   * so a work dir pointed at the wrong place loses nothing else.
   */
  public static void removeStaleWorkFolders(Path workDir) throws IOException {
    Files.createDirectories(workDir);
    try (var children = Files.list(workDir)) {
      for (Path child : children.filter(Files::isDirectory).toList()) {
        if (child.getFileName().toString().startsWith(FileWorkFolder.PREFIX)) {
          FileTrees.deleteTree(child);
        }
      }
    }
  }

  /** Progress of a parse, recorded as heartbeat details. */
  public record ParseHeartbeat(long casesSeen, long xmlBytesRead) {}

  @Override
  public HostAssignment fetch(HostStep step) {
    long started = System.nanoTime();
    try {
      FileWorkFolder folder = folder().recreate();
      String sha256;
      try (DigestInputStream in = Sha256.digesting(store.get(StoreKeys.raw(step.fileName())));
          OutputStream out = Files.newOutputStream(folder.rawZip(step.fileName()))) {
        in.transferTo(out);
        sha256 = Sha256.hex(in);
      }
      if (!sha256.equals(step.sha256())) {
        throw Failures.nonRetryable(FailureTypes.CHECKSUM_CONFLICT,
            "archived " + step.fileName() + " has sha256 " + sha256 + ", expected " + step.sha256(), null);
      }
      long bytes = Files.size(folder.rawZip(step.fileName()));
      metrics.fetched(bytes, Duration.ofNanos(System.nanoTime() - started));
      return new HostAssignment(hostTaskQueue, bytes, hostWait);
    } catch (IOException e) {
      throw Activity.wrap(e);
    }
  }

  @Override
  public ParseSummary parse(HostStep step) {
    ActivityExecutionContext context = Activity.getExecutionContext();
    if (context.getInfo().getAttempt() > 1) {
      Optional<ParseHeartbeat> previous = context.getHeartbeatDetails(ParseHeartbeat.class);
      log.info("{}: parse attempt {} starts over (the previous attempt reached {})",
          step.fileName(), context.getInfo().getAttempt(), previous.map(Object::toString).orElse("no heartbeat"));
    }
    FileWorkFolder folder = folder();
    ParseProgressLog progressLog = ParseProgressLog.of(folder.rawZip(step.fileName()));
    try {
      ParseReport report =
          new ExtractParser(limits, clock)
              .parse(folder.rawZip(step.fileName()), folder.stagingDb(),
                  (cases, bytes) -> {
                    context.heartbeat(new ParseHeartbeat(cases, bytes));
                    progressLog.onProgress(cases, bytes);
                  });
      if (!report.sha256().equals(step.sha256())) {
        throw Failures.nonRetryable(FailureTypes.CHECKSUM_CONFLICT,
            "parsed " + step.fileName() + " has sha256 " + report.sha256() + ", expected " + step.sha256(), null);
      }
      JSON.writeValue(folder.parseReport().toFile(), report);
      metrics.parsed(report);
      return new ParseSummary(
          report.extractDate(),
          ReportJson.PARSER_VERSION,
          report.casesSeen(),
          report.casesStaged(),
          report.casesDeleted(),
          report.casesFailed(),
          Failures.capped(report.failures()),
          report.warnings(),
          report.xmlBytes(),
          report.elapsedMillis(),
          drift(report.drift()));
    } catch (ExtractFileException e) {
      metrics.failed("parse", FailureTypes.BAD_EXTRACT_FILE);
      removeAfterBadFile(folder, step.fileName());
      throw Failures.nonRetryable(FailureTypes.BAD_EXTRACT_FILE, e.getMessage(), e);
    } catch (StagingSpaceException e) {
      throw Failures.stagingDiskFull(step.fileName(), e);
    } catch (IOException e) {
      throw Activity.wrap(e);
    }
  }

  /** The parser's drift report as it crosses Temporal: the same paths and counts. */
  static ExtractDrift drift(org.ocaetl.parse.ExtractDrift parsed) {
    return new ExtractDrift(
        parsed.unmapped().stream().map(p -> new ExtractDrift.PathCount(p.path(), p.count())).toList(),
        parsed.unmappedNotListed(),
        parsed.mappedNeverSeen());
  }

  /**
   * Not retried, this execution's work on the file is over: its fetched copy (with street
   * addresses) is not kept until the next restart. A rerun fetches it again.
   */
  private static void removeAfterBadFile(FileWorkFolder folder, String fileName) {
    try {
      folder.delete();
    } catch (IOException e) {
      log.warn("{}: could not remove the work folder {} of the rejected file: {}", fileName, folder.dir(), e.toString());
    }
  }

  @Override
  public ExportSummary export(HostStep step) {
    FileWorkFolder folder = folder();
    // One DuckDB call writes the twelve CSVs: heartbeat from a side thread. A retry exports again
    // from the start, which costs seconds to minutes and rewrites every CSV whole; partial CSVs of
    // the lost attempt are not worth tracking.
    try (HeartbeatTicker ticker = HeartbeatTicker.start(Activity.getExecutionContext(), () -> "exporting")) {
      ParseReport parsed = JSON.readValue(folder.parseReport().toFile(), ParseReport.class);
      ExportReport exported = new StagingExporter(limits).export(folder.stagingDb(), folder.exportDir(), parsed);
      metrics.exported(exported.rowsPerTable(), Duration.ofMillis(exported.elapsedMillis()));
      return new ExportSummary(exported.rowsPerTable(), exported.elapsedMillis());
    } catch (StagingSpaceException e) {
      throw Failures.stagingDiskFull(step.fileName(), e);
    } catch (IOException e) {
      throw Activity.wrap(e);
    }
  }

  /**
   * Rewrites the staged oca_addresses.csv with geocodes (streaming, through the cache). A service
   * outage or a spent time budget never fails the file: the rows left keep empty geocode columns,
   * the promotion keeps their previous coordinates (docs/processing-rules.md#rule-14) and the backfill geocodes them later.
   * The budget stays well inside the activity's StartToClose timeout.
   */
  @Override
  public GeocodeSummary geocode(HostStep step) {
    ActivityExecutionContext context = Activity.getExecutionContext();
    FileWorkFolder folder = folder();
    long started = System.nanoTime();
    // The position (the report after the last batch) is heartbeat from a side thread, since one
    // batch against a slow service can outlast the heartbeat timeout. A retry reads the CSV from
    // its first row again rather than resuming at that position: the rewrite goes to a new file
    // that replaces the CSV only at the end, and every address answered before is a cache hit
    // (GeocodeCache), so the retry repeats no service request for rows already geocoded.
    AtomicReference<Object> position = new AtomicReference<>("geocoding");
    try (HeartbeatTicker ticker = HeartbeatTicker.start(context, position::get)) {
      AddressCsvGeocoder.Report report = null;
      if (geocoding.enabled()) {
        Duration startToClose = context.getInfo().getStartToCloseTimeout();
        GeocodeRun run = geocoding.newRun(
            startToClose.isZero() ? Duration.ofHours(1) : startToClose.multipliedBy(3).dividedBy(4));
        report = geocoding.geocodeCsv(folder.exportDir().resolve(OcaTable.OCA_ADDRESSES.csvName()), run, position::set);
        run.openBreakers().forEach(service -> metrics.breakerOpened(service, Instant.now()));
        log.info("{}: {} of {} address rows geocoded by {} ({} distinct addresses, {} cache hits, {} requests),"
                + " {} not found, {} left for the backfill{}",
            step.fileName(), report.rowsGeocoded(), report.rows(), geocoding.name(), report.addresses(),
            report.cacheHits(), report.requests(), report.rowsMissed(), report.rowsLeft(),
            report.stoppedBy() == null ? "" : " (" + report.stoppedBy() + ")");
      }
      ReportJson.Geocoding geocoded =
          new ReportJson.Geocoding(
              geocoding.name(),
              report == null ? 0 : report.rowsGeocoded(),
              (System.nanoTime() - started) / 1_000_000,
              report == null ? 0 : report.rowsMissed(),
              report == null ? 0 : report.rowsLeft(),
              report == null ? null : report.stoppedBy());
      JSON.writeValue(folder.geocodeReport().toFile(), geocoded);
      metrics.geocoded(geocoded.geocoder(), geocoded.addressesGeocoded(), Duration.ofMillis(geocoded.elapsedMillis()));
      return new GeocodeSummary(geocoded.geocoder(), geocoded.addressesGeocoded(), geocoded.elapsedMillis());
    } catch (IOException e) {
      throw Activity.wrap(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Activity.wrap(e);
    }
  }

  /**
   * Uploads the CSVs in {@link OcaTable} order, heartbeating how many are in the store (from a
   * side thread too: one large CSV can outlast the heartbeat timeout). A retry on this worker, whose
   * work folder still holds the CSVs, resumes after the objects its last heartbeat counted: each
   * object is put whole, so a counted object is complete. (A retry after the worker died never
   * gets here: the file starts over on another worker from fetch.)
   */
  @Override
  public UploadSummary upload(HostStep step) {
    ActivityExecutionContext context = Activity.getExecutionContext();
    FileWorkFolder folder = folder();
    long started = System.nanoTime();
    int uploadedBefore = context.getHeartbeatDetails(Integer.class).orElse(0); // none on a first attempt
    AtomicInteger uploaded = new AtomicInteger(uploadedBefore);
    try (HeartbeatTicker ticker = HeartbeatTicker.start(context, uploaded::get)) {
      if (uploadedBefore > 0) {
        log.info("{}: upload attempt {} resumes after the {} objects uploaded before",
            step.fileName(), context.getInfo().getAttempt(), uploadedBefore);
      }
      int objects = 0;
      long bytes = 0;
      for (OcaTable table : OcaTable.values()) {
        Path csv = folder.exportDir().resolve(table.csvName());
        if (objects >= uploadedBefore) {
          store.put(StoreKeys.stagedCsv(step.fileName(), table), csv, "text/csv");
          uploaded.set(objects + 1);
        }
        bytes += Files.size(csv);
        objects++;
      }
      ReportJson.Geocoding geocoding = JSON.readValue(folder.geocodeReport().toFile(), ReportJson.Geocoding.class);
      Path report = folder.exportDir().resolve("report.json");
      ReportJson.upload(report, geocoding, store, StoreKeys.report(step.fileName()));
      bytes += Files.size(report);
      objects++;
      folder.delete();
      metrics.uploaded(bytes, Duration.ofNanos(System.nanoTime() - started));
      return new UploadSummary(objects, bytes, (System.nanoTime() - started) / 1_000_000);
    } catch (IOException e) {
      throw Activity.wrap(e);
    }
  }

  @Override
  public StagedLookup findStaged(HostStep step) {
    String key = StoreKeys.report(step.fileName());
    try {
      if (store.size(key).isEmpty()) {
        return new StagedLookup(null, ReportJson.PARSER_VERSION, "no staged report.json");
      }
      Optional<FileResult> staged;
      try (InputStream in = store.get(key)) {
        staged = ReportJson.read(in);
      }
      if (staged.isEmpty()) {
        return new StagedLookup(null, ReportJson.PARSER_VERSION, "staged report.json lacks the parser version or counters");
      }
      FileResult result = staged.get();
      if (!result.sha256().equals(step.sha256())) {
        return new StagedLookup(null, ReportJson.PARSER_VERSION, "staged from sha256 " + result.sha256());
      }
      if (result.parserVersion() != ReportJson.PARSER_VERSION) {
        return new StagedLookup(null, ReportJson.PARSER_VERSION, "staged by parser version " + result.parserVersion());
      }
      return new StagedLookup(result, ReportJson.PARSER_VERSION, null);
    } catch (IOException e) {
      throw Activity.wrap(e);
    }
  }

  /**
   * Waits on the claim's file workflow in slices of a quarter of the heartbeat timeout,
   * heartbeating between them on this thread (so a cancelled or timed-out wait stops here); a
   * claim that closed without a result (failed, terminated) or is gone leaves the lookup to say
   * that nothing usable was staged.
   */
  @Override
  public StagedLookup awaitStaged(StagingClaim claim) {
    ActivityExecutionContext context = Activity.getExecutionContext();
    WorkflowStub holder = context.getWorkflowClient().newUntypedWorkflowStub(claim.workflowId());
    long slice = HeartbeatTicker.interval(context.getInfo().getHeartbeatTimeout()).toMillis();
    try {
      while (true) {
        context.heartbeat(claim.workflowId());
        try {
          holder.getResult(slice, TimeUnit.MILLISECONDS, FileResult.class);
          break;
        } catch (TimeoutException e) {
          // still staging: heartbeat and wait on
        }
      }
    } catch (WorkflowFailedException | WorkflowNotFoundException e) {
      log.info("{}: {} closed without staging it ({})", claim.fileName(), claim.workflowId(), e.getClass().getSimpleName());
    }
    return findStaged(claim.step());
  }

  private FileWorkFolder folder() {
    return FileWorkFolder.of(workDir, Activity.getExecutionContext().getInfo().getWorkflowId());
  }
}
