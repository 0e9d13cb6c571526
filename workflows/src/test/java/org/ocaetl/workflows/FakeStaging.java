package org.ocaetl.workflows;

import io.temporal.activity.Activity;
import io.temporal.client.WorkflowFailedException;
import io.temporal.failure.ApplicationFailure;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.ocaetl.workflows.model.CaseFailure;
import org.ocaetl.workflows.model.DiscoveredFile;
import org.ocaetl.workflows.model.DiscoveryRequest;
import org.ocaetl.workflows.model.DiscoveryResult;
import org.ocaetl.workflows.model.ExportSummary;
import org.ocaetl.workflows.model.ExtractDrift;
import org.ocaetl.workflows.model.FileOutcome;
import org.ocaetl.workflows.model.FileResult;
import org.ocaetl.workflows.model.GeocodeSummary;
import org.ocaetl.workflows.model.HostAssignment;
import org.ocaetl.workflows.model.HostStep;
import org.ocaetl.workflows.model.ParseSummary;
import org.ocaetl.workflows.model.PromoteRequest;
import org.ocaetl.workflows.model.PromoteResult;
import org.ocaetl.workflows.model.PublishRequest;
import org.ocaetl.workflows.model.PublishResult;
import org.ocaetl.workflows.model.StagedLookup;
import org.ocaetl.workflows.model.StagingClaim;
import org.ocaetl.workflows.model.UploadSummary;

/**
 * In-memory stand-ins for the activities, to test the workflows' control flow (ordering,
 * parallelism, reuse, host loss, continue-as-new) on the in-process server. The real activities
 * are exercised end to end in the worker module's tests. Outputs are derived from the file name:
 * a name containing "bad" fails parsing as a bad extract, "failedcase" yields one failed case,
 * "warned" a warning about its RunDate ({@link #warnings}).
 */
final class FakeStaging implements DiscoveryActivities, FileActivities, PromotionActivities {
  /** ScheduleToStart runs in real time on the test server (the pending task blocks skipping). */
  static final java.time.Duration HOST_WAIT = java.time.Duration.ofSeconds(2);
  final String hostQueue;
  volatile List<DiscoveredFile> inbox = List.of();
  volatile List<FileOutcome> settled = List.of();
  volatile List<String> ignored = List.of();
  volatile int parserVersion = 1;
  /** Queues fetch answers with before answering {@link #hostQueue} (e.g. a vanished worker). */
  final List<String> lostHosts = Collections.synchronizedList(new ArrayList<>());
  /** When set, parse waits for it (to observe a run in flight). */
  volatile CountDownLatch parseGate;
  volatile String promoteFailure;
  /**
   * What the host steps do before their work, per activity type ({@link FileActivities#EXPORT}…),
   * one entry per call: throw the failure, or for {@link #HANG} block without heartbeating (a
   * frozen host) until {@link #unhang}.
   */
  final Map<String, java.util.Queue<RuntimeException>> hostStepFaults = new ConcurrentHashMap<>();
  static final RuntimeException HANG = new IllegalStateException("hung host step");
  private final CountDownLatch hung = new CountDownLatch(1);
  /** Every host step call as {@code <activity type>@<task queue>}, in order. */
  final List<String> hostStepCalls = Collections.synchronizedList(new ArrayList<>());
  volatile String publishFailure;

  final Map<String, FileResult> stagedOutput = new ConcurrentHashMap<>();
  final Set<String> ledger = ConcurrentHashMap.newKeySet();
  final List<List<String>> promotions = Collections.synchronizedList(new ArrayList<>());
  final List<String> parsed = Collections.synchronizedList(new ArrayList<>());
  /** The claim of every {@link #awaitStaged}, in order. */
  final List<String> awaits = Collections.synchronizedList(new ArrayList<>());
  final AtomicInteger publishes = new AtomicInteger();
  /** The reprocess glob of every discovery, in order ("" for none). */
  final List<String> discoveryGlobs = Collections.synchronizedList(new ArrayList<>());
  final AtomicInteger parsing = new AtomicInteger();
  final AtomicInteger maxParsing = new AtomicInteger();

  FakeStaging(String hostQueue) {
    this.hostQueue = hostQueue;
  }

  static DiscoveredFile file(String name, String date) {
    return new DiscoveredFile(name, sha(name), LocalDate.parse(date), false);
  }

  /** A file selected by the reprocess glob (an operator's replay). */
  static DiscoveredFile replayed(String name, String date) {
    return new DiscoveredFile(name, sha(name), LocalDate.parse(date), true);
  }

  static String sha(String name) {
    return String.format("%064x", name.hashCode() & 0xffffffffL);
  }

  @Override
  public DiscoveryResult discover(DiscoveryRequest request) {
    discoveryGlobs.add(request.reprocessGlob() == null ? "" : request.reprocessGlob());
    return new DiscoveryResult(inbox, settled, ignored);
  }

  @Override
  public HostAssignment fetch(HostStep step) {
    synchronized (lostHosts) {
      if (!lostHosts.isEmpty()) {
        return new HostAssignment(lostHosts.remove(0), 10, HOST_WAIT);
      }
    }
    return new HostAssignment(hostQueue, 10, HOST_WAIT);
  }

  /** Queues {@code faults} for the next calls of host step {@code activityType}. */
  void failHostStep(String activityType, RuntimeException... faults) {
    hostStepFaults.computeIfAbsent(activityType, t -> new java.util.concurrent.ConcurrentLinkedQueue<>())
        .addAll(List.of(faults));
  }

  /** Releases the host steps blocked by {@link #HANG}. */
  void unhang() {
    hung.countDown();
  }

  private void hostStep(String activityType) {
    hostStepCalls.add(activityType + "@" + Activity.getExecutionContext().getInfo().getActivityTaskQueue());
    java.util.Queue<RuntimeException> faults = hostStepFaults.get(activityType);
    RuntimeException fault = faults == null ? null : faults.poll();
    if (fault == HANG) {
      try {
        hung.await(5, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (fault != null) {
      throw fault;
    }
  }

  @Override
  public ParseSummary parse(HostStep step) {
    hostStep(PARSE);
    int now = parsing.incrementAndGet();
    maxParsing.accumulateAndGet(now, Math::max);
    try {
      CountDownLatch gate = parseGate;
      if (gate != null && !gate.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("parse gate never opened");
      }
      Thread.sleep(50); // long enough for concurrent children to overlap
      parsed.add(step.fileName());
      if (step.fileName().contains("bad")) {
        throw ApplicationFailure.newNonRetryableFailure(
            step.fileName() + ": line 3, column 9: unexpected end of input", FailureTypes.BAD_EXTRACT_FILE);
      }
      boolean failedCase = step.fileName().contains("failedcase");
      List<CaseFailure> failures = failures(step.fileName());
      return new ParseSummary(
          runDate(step.fileName()), parserVersion, 3, failedCase ? 2 : 3, 0, failures.size(), failures, warnings(step.fileName()), 1000, 5, drift(step.fileName()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Activity.wrap(e);
    } finally {
      parsing.decrementAndGet();
    }
  }

  @Override
  public ExportSummary export(HostStep step) {
    hostStep(EXPORT);
    Map<String, Long> rows = new LinkedHashMap<>();
    rows.put("oca_index", 3L);
    rows.put("oca_metadata", 3L);
    return new ExportSummary(rows, 2);
  }

  @Override
  public GeocodeSummary geocode(HostStep step) {
    hostStep(GEOCODE);
    return new GeocodeSummary("none", 0, 0);
  }

  @Override
  public UploadSummary upload(HostStep step) {
    hostStep(UPLOAD);
    boolean failedCase = step.fileName().contains("failedcase");
    Map<String, Long> rows = new LinkedHashMap<>();
    rows.put("oca_index", 3L);
    rows.put("oca_metadata", 3L);
    stagedOutput.put(
        step.fileName(),
        new FileResult(step.fileName(), runDate(step.fileName()), step.sha256(), parserVersion, rows, 3,
            failedCase ? 2 : 3, 0, failedCase ? 1 : 0, failures(step.fileName()), Map.of(), warnings(step.fileName()), 0, drift(step.fileName())));
    return new UploadSummary(3, 300, 1);
  }

  @Override
  public StagedLookup findStaged(HostStep step) {
    FileResult staged = stagedOutput.get(step.fileName());
    if (staged == null) {
      return new StagedLookup(null, parserVersion, "no report.json");
    }
    if (!staged.sha256().equals(step.sha256()) || staged.parserVersion() != parserVersion) {
      return new StagedLookup(null, parserVersion, "staged by parser " + staged.parserVersion());
    }
    return new StagedLookup(staged, parserVersion, null);
  }

  /** As the real one: waits until the claim's workflow has closed, then looks up its output. */
  @Override
  public StagedLookup awaitStaged(StagingClaim claim) {
    awaits.add(claim.workflowId());
    try {
      Activity.getExecutionContext().getWorkflowClient().newUntypedWorkflowStub(claim.workflowId()).getResult(FileResult.class);
    } catch (WorkflowFailedException e) {
      // closed without a result: the lookup says nothing usable was staged
    }
    return findStaged(claim.step());
  }

  @Override
  public PromoteResult promote(PromoteRequest request) {
    if (promoteFailure != null) {
      throw ApplicationFailure.newNonRetryableFailure(promoteFailure, FailureTypes.LEDGER_CONFLICT);
    }
    promotions.add(request.files().stream().map(PromoteRequest.StagedRef::fileName).toList());
    List<PromoteResult.Promoted> files = new ArrayList<>();
    for (PromoteRequest.StagedRef file : request.files()) {
      // As the real promotion: a file in the ledger is skipped unless it is replayed.
      boolean already = !ledger.add(file.fileName() + "@" + file.sha256()) && !file.replay();
      files.add(new PromoteResult.Promoted(file.fileName(), already, already ? 0 : 3, 0, 0, 0, Map.of()));
    }
    return new PromoteResult(files, 7);
  }

  @Override
  public PublishResult publish(PublishRequest request) {
    if (publishFailure != null) {
      throw ApplicationFailure.newNonRetryableFailure(publishFailure, "PublishFailed");
    }
    publishes.incrementAndGet();
    return new PublishResult(12, 3);
  }

  /** The first failures, as parse and the staged report.json give them. */
  static List<CaseFailure> failures(String fileName) {
    return fileName.contains("failedcase")
        ? List.of(new CaseFailure("id-2", "FiledDate", "2024-02-30", "not a date"))
        : List.of();
  }

  /** What the real parse reports of a file with a section it does not map, for names containing "drifted". */
  static ExtractDrift drift(String fileName) {
    return fileName.contains("drifted")
        ? new ExtractDrift(List.of(new ExtractDrift.PathCount("Index/RentalAssistance/Amount", 2)), 0, List.of())
        : ExtractDrift.NONE;
  }

  /** What the real parse says of a file without RunDate, for names containing "warned". */
  static List<String> warnings(String fileName) {
    return fileName.contains("warned")
        ? List.of("RunDate element missing or empty; using the file name's date " + runDate(fileName))
        : List.of();
  }

  private static LocalDate runDate(String fileName) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{4}-\\d{2}-\\d{2})").matcher(fileName);
    if (!m.find()) {
      throw new IllegalArgumentException(fileName);
    }
    return LocalDate.parse(m.group(1));
  }
}
