package org.ocaetl.workflows;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;
import org.ocaetl.workflows.model.ExportSummary;
import org.ocaetl.workflows.model.GeocodeSummary;
import org.ocaetl.workflows.model.HostAssignment;
import org.ocaetl.workflows.model.HostStep;
import org.ocaetl.workflows.model.ParseSummary;
import org.ocaetl.workflows.model.StagedLookup;
import org.ocaetl.workflows.model.StagingClaim;
import org.ocaetl.workflows.model.UploadSummary;

/**
 * The staging steps of one file. {@link #fetch}, {@link #findStaged} and {@link #awaitStaged} run on
 * the shared task queue; fetch returns the worker's own queue, where parse, export, geocode and upload must run
 * because they use the worker's local work folder (DuckDB file, CSVs).
 */
@ActivityInterface
public interface FileActivities {
  /** Activity type of {@link #parse}; per-method options and tests find the activity by it. */
  String PARSE = "Parse";

  /** Activity types of the steps after parse on the host queue, for their per-method options. */
  String EXPORT = "Export";

  String GEOCODE = "Geocode";

  String UPLOAD = "Upload";

  /** Copies the archived raw zip into this worker's work folder and checks its SHA-256. */
  @ActivityMethod(name = "FetchRaw")
  HostAssignment fetch(HostStep step);

  /** Parses the fetched zip into a fresh DuckDB staging file (heartbeats its progress). */
  @ActivityMethod(name = PARSE)
  ParseSummary parse(HostStep step);

  /** Writes the twelve CSVs and report.json from the staging file (heartbeats while DuckDB writes). */
  @ActivityMethod(name = EXPORT)
  ExportSummary export(HostStep step);

  /** Geocodes the exported addresses (heartbeats its position). */
  @ActivityMethod(name = GEOCODE)
  GeocodeSummary geocode(HostStep step);

  /**
   * Uploads the CSVs and report.json to {@code StoreKeys.staging(file)}; cleans the work folder.
   * Heartbeats the objects uploaded so far, from which a retry on the same worker resumes.
   */
  @ActivityMethod(name = UPLOAD)
  UploadSummary upload(HostStep step);

  /** Reads the report.json of an earlier staging and says whether it can be promoted as it is. */
  @ActivityMethod(name = "FindStaged")
  StagedLookup findStaged(HostStep step);

  /**
   * Waits until the file workflow holding the claim has closed (heartbeating while it runs), then
   * answers as {@link #findStaged} for the claimed file.
   */
  @ActivityMethod(name = "AwaitStaged")
  StagedLookup awaitStaged(StagingClaim claim);
}
