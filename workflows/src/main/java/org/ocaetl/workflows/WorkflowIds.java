package org.ocaetl.workflows;

/** Workflow ids and task queue names: the addresses operators use to find and rerun work. */
public final class WorkflowIds {
  /** The task queue every worker polls for workflows and for activities that may run anywhere. */
  public static final String TASK_QUEUE = "oca-etl";

  /** The geocode backfill: one id, so at most one runs at a time. */
  public static final String GEOCODE_BACKFILL = "oca-geocode-backfill";

  /**
   * The workflow id the weekly schedule gives its runs (the server appends the scheduled time): a
   * run whose id starts with it pauses the schedule when it fails.
   */
  public static final String SCHEDULED_RUN = "oca-run/scheduled";

  private static final String FILE_PREFIX = "oca-file/";

  /** The one long-lived backfill workflow: {@code oca backfill} signals it, starting it if needed. */
  public static final String BACKFILL = "oca-backfill";

  /**
   * Workflow type of the geocode backfill, which the backfill workflow starts as a
   * child by this name (id {@link #GEOCODE_BACKFILL}).
   */
  public static final String GEOCODE_BACKFILL_TYPE = "GeocodeBackfill";

  private WorkflowIds() {}

  /** The file workflow of a raw file: starting it again reruns that file. */
  public static String file(String fileName) {
    return FILE_PREFIX + fileName;
  }

  /**
   * The file workflow that stages a file again because the output of {@link #file} was made from
   * other bytes or by another parser version (e.g. a replay after a parser fix): one id per
   * (checksum, parser version), so the same restaging is never run twice.
   */
  public static String restage(String fileName, String sha256, int parserVersion) {
    return FILE_PREFIX + fileName + "/" + sha256.substring(0, Math.min(8, sha256.length())) + "-p" + parserVersion;
  }

  /**
   * The child workflow of the backfill workflow's {@code number}th request, e.g.
   * {@code oca-backfill/7-replay}.
   */
  public static String backfillStep(long number, String kind) {
    return BACKFILL + "/" + number + "-" + kind.toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
