package org.ocaetl.workflows.model;

import java.util.Objects;

/**
 * One operator request to the backfill workflow ({@code oca backfill}, or a signal sent with the
 * {@code temporal} CLI). Sent as the signal's JSON argument, e.g.
 * {@code {"kind":"REPLAY","glob":"*2024-0[1-3]*","parallelism":2}} or {@code {"kind":"REPUBLISH"}}.
 *
 * @param kind what to do
 * @param glob for {@link Kind#REPLAY}: glob over archived raw file names; null otherwise
 * @param parallelism for {@link Kind#REPLAY}: files staged at once (at least 1)
 */
public record BackfillRequest(Kind kind, String glob, int parallelism) {

  /** The kinds of backfill. */
  public enum Kind {
    /** Stage and promote again the archived files matching {@code glob} (a run with replays). */
    REPLAY,
    /** Geocode the addresses that have no coordinates (the geocode backfill workflow). */
    GEOCODE,
    /** Delete from the eleven data tables every case whose oca_metadata row has a deletedate. */
    PURGE_TOMBSTONES,
    /** Rewrite the public files from the tables. */
    REPUBLISH
  }

  public BackfillRequest {
    Objects.requireNonNull(kind, "kind");
    if (kind == Kind.REPLAY && (glob == null || glob.isBlank())) {
      throw new IllegalArgumentException("a replay needs a glob over raw file names");
    }
    if (kind == Kind.REPLAY && parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
    }
  }

  public static BackfillRequest replay(String glob, int parallelism) {
    return new BackfillRequest(Kind.REPLAY, glob, parallelism);
  }

  public static BackfillRequest geocode() {
    return new BackfillRequest(Kind.GEOCODE, null, 0);
  }

  public static BackfillRequest purgeTombstones() {
    return new BackfillRequest(Kind.PURGE_TOMBSTONES, null, 0);
  }

  public static BackfillRequest republish() {
    return new BackfillRequest(Kind.REPUBLISH, null, 0);
  }

  /** E.g. {@code REPLAY *2024-0[1-3]*} (for logs and the progress query). */
  public String describe() {
    return kind == Kind.REPLAY ? kind + " " + glob : kind.name();
  }
}
