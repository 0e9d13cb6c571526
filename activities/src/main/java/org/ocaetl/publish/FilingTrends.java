package org.ocaetl.publish;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ocaetl.db.SqlResource;

/**
 * What the status page charts: cases filed per week and borough over the {@value #WEEKS} weeks up to
 * the data date, and per filing month over the {@value #MONTHS} months up to it the cases filed and
 * how many reached a judgment and an issued warrant, as oca_case_summary defines them. Read from the
 * base tables in the publish's snapshot (status_filings.sql says why); every week and month is
 * present, zero when nothing was filed.
 *
 * @param weeks the Mondays of the weeks, oldest first
 * @param filedPerWeek per borough (the five, then {@link #OUTSIDE_NYC}), one count per week
 * @param months the filing months, oldest first
 * @param filed cases filed per month
 * @param judged of those, cases with a judgment
 * @param warranted of those, cases with an issued warrant
 */
record FilingTrends(
    List<LocalDate> weeks,
    Map<String, long[]> filedPerWeek,
    List<YearMonth> months,
    long[] filed,
    long[] judged,
    long[] warranted) {
  static final int WEEKS = 104;
  static final int MONTHS = 24;
  /** Cases whose court and address name no New York City borough. */
  static final String OUTSIDE_NYC = "Outside NYC or unknown";
  static final List<String> BOROUGHS =
      List.of("BRONX", "BROOKLYN", "MANHATTAN", "QUEENS", "STATEN ISLAND", OUTSIDE_NYC);

  static FilingTrends read(Connection c, LocalDate dataDate) throws SQLException {
    LocalDate lastWeek = dataDate.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    List<LocalDate> weeks = new ArrayList<>();
    for (int i = WEEKS - 1; i >= 0; i--) {
      weeks.add(lastWeek.minusWeeks(i));
    }
    YearMonth lastMonth = YearMonth.from(dataDate);
    List<YearMonth> months = new ArrayList<>();
    for (int i = MONTHS - 1; i >= 0; i--) {
      months.add(lastMonth.minusMonths(i));
    }
    Map<String, long[]> perWeek = new LinkedHashMap<>();
    BOROUGHS.forEach(b -> perWeek.put(b, new long[WEEKS]));
    long[] filed = new long[MONTHS];
    long[] judged = new long[MONTHS];
    long[] warranted = new long[MONTHS];
    LocalDate first = weeks.getFirst().isBefore(months.getFirst().atDay(1))
        ? weeks.getFirst() : months.getFirst().atDay(1);
    try (PreparedStatement ps = c.prepareStatement(SqlResource.of("sql/publish/status_filings.sql").render())) {
      ps.setObject(1, first);
      ps.setObject(2, dataDate);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          LocalDate week = rs.getObject("filed_week", LocalDate.class);
          String borough = rs.getString("borough");
          long cases = rs.getLong("cases");
          int w = weeks.indexOf(week);
          if (w >= 0) {
            perWeek.get(borough == null ? OUTSIDE_NYC : borough)[w] += cases;
          }
          int m = months.indexOf(YearMonth.from(rs.getObject("filed_month", LocalDate.class)));
          if (m >= 0) {
            filed[m] += cases;
            judged[m] += rs.getLong("judged");
            warranted[m] += rs.getLong("warranted");
          }
        }
      }
    }
    return new FilingTrends(List.copyOf(weeks), perWeek, List.copyOf(months), filed, judged, warranted);
  }
}
