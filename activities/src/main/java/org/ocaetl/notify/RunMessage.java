package org.ocaetl.notify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.ocaetl.workflows.model.CaseFailure;
import org.ocaetl.workflows.model.ExtractDrift;
import org.ocaetl.workflows.model.FileOutcome;
import org.ocaetl.workflows.model.RunNotice;
import org.ocaetl.workflows.model.RunResult;

/**
 * The run notification as Slack-compatible incoming-webhook JSON: {@code text} holds the whole
 * message as plain text (the fallback that Mattermost, Rocket.Chat and Teams' Slack-compatible
 * connectors show, and Slack shows in notifications), {@code blocks} the same lines as a header
 * and a section for Slack. Failed cases are named by case id, element and reason, never by value,
 * so no street address can reach the chat.
 */
public final class RunMessage {
  /** Failed files listed by name; the rest are counted (a Slack section holds 3,000 characters). */
  static final int FILES_LISTED = 10;
  /** Failed cases listed; the run keeps {@link RunResult#CASE_FAILURES_KEPT}. */
  static final int CASES_LISTED = 5;
  /** Drift paths listed per file. */
  static final int DRIFT_PATHS_LISTED = 10;

  private static final ObjectMapper JSON = new ObjectMapper();

  private RunMessage() {}

  /** The JSON body to POST. */
  public static String json(RunNotice notice) {
    ObjectNode body = JSON.createObjectNode();
    String title = title(notice);
    List<String> lines = lines(notice);
    // The fallback is read as markup (Slack's mrkdwn, Mattermost's Markdown): '<' would start a link
    // or a mention such as <!channel>, so the three control characters are escaped as Slack documents.
    body.put("text", escapeMarkup(title + "\n" + String.join("\n", lines)));
    ArrayNode blocks = body.putArray("blocks");
    ObjectNode header = blocks.addObject().put("type", "header");
    header.putObject("text").put("type", "plain_text").put("text", title);
    ObjectNode section = blocks.addObject().put("type", "section");
    // plain_text, not mrkdwn: file names and reasons are shown as they are, never as markup.
    section.putObject("text").put("type", "plain_text").put("text", clip(String.join("\n", lines), 3000));
    return body.toString();
  }

  /** E.g. "OCA run FAILED", "OCA run PARTIAL: 1 file failed, 3 cases failed". */
  static String title(RunNotice notice) {
    RunResult result = notice.result();
    if (notice.failure() != null) {
      return "OCA run FAILED";
    }
    if (notice.clean()) {
      return "OCA run OK";
    }
    List<String> what = new ArrayList<>();
    if (result.filesFailed() > 0) {
      what.add(result.filesFailed() + " file(s) failed");
    }
    if (result.casesFailed() > 0) {
      what.add(result.casesFailed() + " case(s) failed");
    }
    if (result.publishError() != null) {
      what.add("publishing failed");
    }
    boolean partial = !what.isEmpty();
    if (notice.filesWithDrift() > 0) {
      what.add("extract changed in " + notice.filesWithDrift() + " file(s)");
    }
    return "OCA run " + (partial ? "PARTIAL" : "OK") + ": " + String.join(", ", what);
  }

  static List<String> lines(RunNotice notice) {
    RunResult result = notice.result();
    List<String> lines = new ArrayList<>();
    lines.add("Workflow: " + notice.workflowId() + " (run " + notice.runId() + ")");
    lines.add("Temporal UI path: /namespaces/" + encode(notice.namespace()) + "/workflows/"
        + encode(notice.workflowId()) + "/" + encode(notice.runId()) + "/history");
    if (notice.failure() != null) {
      lines.add("Run failed: " + notice.failure() + " (nothing of the failed step was applied; the files stay pending)");
    }
    lines.add("Data date: " + (result.dataDate() == null ? "unchanged (nothing new promoted)" : result.dataDate()));
    lines.add(String.format(
        "Files: %d promoted, %d already promoted, %d failed, %d skipped",
        result.filesPromoted(), result.filesAlreadyPromoted(), result.filesFailed(), result.filesSkipped()));
    List<FileOutcome> failed =
        result.files().stream().filter(f -> f.outcome() == FileOutcome.Outcome.FAILED).toList();
    failed.stream().limit(FILES_LISTED).forEach(f -> lines.add("  failed file " + f.fileName() + ": " + f.reason()));
    if (failed.size() > FILES_LISTED) {
      lines.add("  … and " + (failed.size() - FILES_LISTED) + " more failed file(s)");
    }
    lines.add("Cases failed: " + result.casesFailed());
    List<CaseFailure> cases = result.firstCaseFailures();
    cases.stream()
        .limit(CASES_LISTED)
        .forEach(c -> lines.add("  case " + (c.caseId() == null ? "(no id)" : c.caseId()) + ", " + c.element() + ": " + c.reason()));
    if (result.casesFailed() > Math.min(cases.size(), CASES_LISTED)) {
      lines.add("  (all failed cases are in each file's report.json)");
    }
    result.files().stream().filter(f -> !f.drift().none()).limit(FILES_LISTED).forEach(f -> drift(f, lines));
    lines.add("Publish: " + publish(notice));
    lines.add("Schedule: " + (notice.schedulePaused()
        ? "PAUSED by this failure; fix the cause, then `oca schedule unpause`"
        : "not paused by this run"));
    return lines;
  }

  /** Paths and counts, never values; report.json lists them all. */
  private static void drift(FileOutcome file, List<String> lines) {
    ExtractDrift drift = file.drift();
    lines.add("Extract changed in " + file.fileName() + " (data the parser does not read; see its report.json):");
    drift.unmapped().stream()
        .limit(DRIFT_PATHS_LISTED)
        .forEach(p -> lines.add("  unmapped " + p.path() + " (" + p.count() + ")"));
    long more = drift.unmapped().size() > DRIFT_PATHS_LISTED
        ? drift.unmapped().size() - DRIFT_PATHS_LISTED
        : 0;
    if (more > 0 || drift.unmappedNotListed() > 0) {
      lines.add("  … and more unmapped paths");
    }
    if (!drift.mappedNeverSeen().isEmpty()) {
      lines.add("  never present: " + String.join(", ", drift.mappedNeverSeen().stream().limit(DRIFT_PATHS_LISTED).toList())
          + (drift.mappedNeverSeen().size() > DRIFT_PATHS_LISTED ? ", …" : ""));
    }
  }

  private static String publish(RunNotice notice) {
    RunResult result = notice.result();
    if (result.publishError() != null) {
      return "FAILED: " + result.publishError() + " (the promotion stands; public/ is stale until the next publish)";
    }
    if (result.published()) {
      return "public snapshot refreshed";
    }
    return notice.failure() != null ? "not reached" : "nothing new to publish";
  }

  private static String encode(String part) {
    return URLEncoder.encode(part, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static String escapeMarkup(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
