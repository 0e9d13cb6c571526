package org.ocaetl.publish;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.ocaetl.store.ObjectStore;
import org.ocaetl.store.StoreKeys;

/**
 * What the status page {@code public/index.html} shows (README "Status page"), read in the publish's
 * snapshot so it agrees with the files it links.
 *
 * @param dataDate the published data date, or null before the first promotion
 * @param trends the charts' figures, or null before the first promotion
 * @param recentFiles the last promoted files, newest first
 */
record StatusPage(LocalDate dataDate, FilingTrends trends, List<RecentFile> recentFiles) {
  static final String KEY = StoreKeys.published(StoreKeys.STATUS_PAGE);

  /** Reads the figures in the caller's snapshot transaction, and the recent files' reports from the store. */
  static StatusPage read(Connection c, ObjectStore store, LocalDate dataDate) throws SQLException, IOException {
    FilingTrends trends = dataDate == null ? null : FilingTrends.read(c, dataDate);
    return new StatusPage(dataDate, trends, RecentFiles.read(c, store));
  }

  /** The last promotion's commit time, or null before the first. */
  Instant lastPromotion() {
    return recentFiles.isEmpty() ? null : recentFiles.getFirst().promotedAt();
  }
}
