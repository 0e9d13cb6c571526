package org.ocaetl.stage;

import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.ocaetl.model.Column;
import org.ocaetl.model.ColumnType;
import org.ocaetl.parse.ExtractCase;
import org.ocaetl.parse.RejectedCase;

/**
 * Appends converted cases to the staging tables through DuckDB Appenders (one per table, open for
 * the whole file), in the {@link StagingTable} layout. Values arrive with their final Java types,
 * so appending cannot fail on a value: per-case atomicity comes from converting the whole case
 * before its first row is appended.
 */
final class StagingWriter implements AutoCloseable {
  private final DuckDBAppender cases;
  private final DuckDBAppender failures;
  private final List<DuckDBAppender> tables = new ArrayList<>();
  private final List<ColumnType[]> types = new ArrayList<>();

  StagingWriter(DuckDBConnection conn) throws SQLException {
    List<DuckDBAppender> opened = new ArrayList<>();
    try {
      cases = open(conn, "cases", opened);
      failures = open(conn, "case_failures", opened);
      for (StagingTable table : StagingTable.ALL) {
        tables.add(open(conn, table.table().tableName(), opened));
        types.add(table.columns().stream().map(Column::type).toArray(ColumnType[]::new));
      }
    } catch (SQLException e) {
      for (DuckDBAppender appender : opened) {
        appender.close();
      }
      throw e;
    }
  }

  private static DuckDBAppender open(DuckDBConnection conn, String table, List<DuckDBAppender> opened)
      throws SQLException {
    DuckDBAppender appender = conn.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table);
    opened.add(appender);
    return appender;
  }

  /** Stages the Index element at position {@code caseSeq} of the file. */
  void write(long caseSeq, ExtractCase extractCase) throws SQLException {
    String kind =
        switch (extractCase) {
          case ExtractCase.Staged staged -> {
            writeRows(caseSeq, staged);
            yield "staged";
          }
          case ExtractCase.Deleted deleted -> "deleted";
          case ExtractCase.Failed failed -> {
            writeFailure(caseSeq, failed.failure());
            yield "failed";
          }
        };
    cases.beginRow();
    cases.append(caseSeq);
    appendText(cases, extractCase.caseId());
    cases.append(kind);
    cases.endRow();
  }

  private void writeRows(long caseSeq, ExtractCase.Staged staged) throws SQLException {
    for (int t = 0; t < tables.size(); t++) {
      List<Object[]> rows = staged.rows().rows(StagingTable.ALL.get(t).table());
      if (rows.isEmpty()) {
        continue;
      }
      DuckDBAppender appender = tables.get(t);
      ColumnType[] columnTypes = types.get(t);
      for (int ord = 0; ord < rows.size(); ord++) {
        Object[] row = rows.get(ord);
        appender.beginRow();
        appender.append(caseSeq);
        appender.append(ord);
        for (int c = 0; c < columnTypes.length; c++) {
          appendValue(appender, columnTypes[c], row[StagingTable.FIRST_STAGED_VALUE + c]);
        }
        appender.endRow();
      }
    }
  }

  private void writeFailure(long caseSeq, RejectedCase failure) throws SQLException {
    failures.beginRow();
    failures.append(caseSeq);
    appendText(failures, failure.caseId());
    failures.append(failure.element());
    appendText(failures, failure.value());
    failures.append(failure.reason());
    failures.endRow();
  }

  private static void appendText(DuckDBAppender appender, String text) throws SQLException {
    if (text == null) {
      appender.appendNull();
    } else {
      appender.append(text);
    }
  }

  private static void appendValue(DuckDBAppender appender, ColumnType type, Object value)
      throws SQLException {
    if (value == null) {
      appender.appendNull();
      return;
    }
    switch (type) {
      case TEXT, NUMERIC -> appender.append((String) value);
      case DATE -> appender.append((LocalDate) value);
      case TIMESTAMP -> appender.append((LocalDateTime) value);
      case INT -> appender.append(((Integer) value).intValue());
      case BIGINT -> appender.append(((Long) value).longValue());
      case BOOLEAN -> appender.append(((Boolean) value).booleanValue());
      case REAL -> appender.append(((Float) value).floatValue());
      case TEXT_ARRAY -> appendText(appender, PgTextArray.literal(texts(value)));
    }
  }

  @SuppressWarnings("unchecked") // CaseRows: an array value is always a List<String>
  private static List<String> texts(Object value) {
    return (List<String>) value;
  }

  /** Flushes every appender; the staged rows are then visible to queries. */
  @Override
  public void close() throws SQLException {
    SQLException first = null;
    List<DuckDBAppender> all = new ArrayList<>(tables);
    all.add(cases);
    all.add(failures);
    for (DuckDBAppender appender : all) {
      try {
        appender.close();
      } catch (SQLException e) {
        if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
