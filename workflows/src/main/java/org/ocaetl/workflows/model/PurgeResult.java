package org.ocaetl.workflows.model;

import java.util.Map;

/**
 * What purging tombstoned cases deleted.
 *
 * @param tombstonedIds ids whose oca_metadata row has a deletedate
 * @param rowsDeletedPerTable rows deleted per data table, in table order (zeros included)
 * @param elapsedMillis wall time of the transaction
 */
public record PurgeResult(long tombstonedIds, Map<String, Long> rowsDeletedPerTable, long elapsedMillis) {

  public long rowsDeleted() {
    return rowsDeletedPerTable.values().stream().mapToLong(Long::longValue).sum();
  }
}
