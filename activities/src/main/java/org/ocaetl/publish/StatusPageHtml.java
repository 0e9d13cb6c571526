package org.ocaetl.publish;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.ocaetl.store.StoreKeys;

/**
 * Renders the status page: one self-contained HTML file (inline style and SVG, no script, nothing
 * from another host), so it opens the same from S3, a web server or a folder. Links are relative
 * to {@code public/} and come from one list, the objects this publish wrote; every value is escaped.
 */
final class StatusPageHtml {
  private static final List<String> COLORS =
      List.of("#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#999999");
  private static final String CSV = ".csv";
  private static final DateTimeFormatter MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.ROOT);
  private static final String STYLE = """
      body{font:15px/1.45 system-ui,sans-serif;color:#222;max-width:960px;margin:2em auto;padding:0 1em}
      h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ddd}
      .facts{display:flex;gap:2em;flex-wrap:wrap}.facts div{font-size:1.1em}.facts b{display:block;font-size:1.3em}
      table{border-collapse:collapse;width:100%}td,th{padding:3px 8px;border-bottom:1px solid #eee;text-align:left}
      td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
      #recent-files{font-size:.9em}#recent-files td{white-space:nowrap}
      .chart{width:100%;height:auto}.chart .grid{stroke:#e4e4e4}.chart polyline{fill:none;stroke-width:1.6}
      .chart text{font-size:11px;fill:#555}.chart .y{text-anchor:end;dominant-baseline:middle}.chart .x{text-anchor:middle}
      .legend{list-style:none;padding:0;display:flex;gap:1.2em;flex-wrap:wrap}
      .legend span{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:-1px}
      .reasons{margin:0;padding-left:1.2em;color:#555;font-size:.9em}.none{color:#777}
      """;

  private StatusPageHtml() {}

  /**
   * @param published every object the publish wrote, with its rows (the links and the rows table)
   * @param publishedAt when this publish ran
   */
  static String render(StatusPage page, Map<String, Long> published, Instant publishedAt) {
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        // An empty icon: without it a browser fetches /favicon.ico, which the bucket does not have.
        .append("<link rel=\"icon\" href=\"data:,\">\n")
        .append("<title>NYC housing court cases (OCA): data status</title>\n<style>").append(STYLE)
        .append("</style>\n</head>\n<body>\n<h1>NYC housing court cases (OCA)</h1>\n")
        .append("<p>Landlord-tenant cases from the New York State Office of Court Administration, published"
            + " weekly by oca-etl as CSV and Parquet files. This page is rewritten by every publish.</p>\n");
    facts(html, page, publishedAt);
    files(html, published);
    if (page.trends() == null) {
      html.append("<p class=\"none\">No file has been promoted yet: no charts.</p>\n");
    } else {
      charts(html, page.trends());
    }
    recentFiles(html, page.recentFiles());
    return html.append("</body>\n</html>\n").toString();
  }

  private static void facts(StringBuilder html, StatusPage page, Instant publishedAt) {
    html.append("<div class=\"facts\">\n");
    fact(html, "Data date", "data-date", page.dataDate() == null ? "none yet" : page.dataDate().toString());
    fact(html, "Last successful promotion", "last-promotion",
        page.lastPromotion() == null ? "none yet" : MINUTE.format(page.lastPromotion()));
    fact(html, "Published", "published-at", MINUTE.format(publishedAt));
    html.append("</div>\n");
  }

  private static void fact(StringBuilder html, String label, String id, String value) {
    html.append("<div>").append(Html.escape(label)).append("<b id=\"").append(id).append("\">")
        .append(Html.escape(value)).append("</b></div>\n");
  }

  private static void files(StringBuilder html, Map<String, Long> published) {
    html.append("<h2>Files</h2>\n<p>Every table as CSV and as typed Parquet, with the same rows;"
        + " <code>datapackage.json</code> gives every column's type and meaning.</p>\n")
        .append("<table id=\"files\">\n<tr><th>File</th><th>Typed (Parquet)</th><th class=\"n\">Rows</th></tr>\n");
    Set<String> twins = new HashSet<>();
    for (String key : published.keySet()) {
      if (key.startsWith(StoreKeys.PUBLIC) && key.endsWith(CSV)) {
        twins.add(StoreKeys.PUBLIC + PublishedRelation.parquetPath(key.substring(StoreKeys.PUBLIC.length(),
            key.length() - CSV.length())));
      }
    }
    for (Map.Entry<String, Long> object : published.entrySet()) {
      String key = object.getKey();
      if (!key.startsWith(StoreKeys.PUBLIC) || key.equals(StatusPage.KEY) || twins.contains(key)) {
        continue;
      }
      String name = key.substring(StoreKeys.PUBLIC.length());
      html.append("<tr><td>");
      link(html, name);
      html.append("</td><td>");
      if (name.endsWith(CSV)) {
        String twin = PublishedRelation.parquetPath(name.substring(0, name.length() - CSV.length()));
        if (published.containsKey(StoreKeys.PUBLIC + twin)) {
          link(html, twin);
        }
      }
      html.append("</td><td class=\"n\">")
          .append(name.endsWith(CSV) ? String.format(Locale.ROOT, "%,d", object.getValue()) : "")
          .append("</td></tr>\n");
    }
    html.append("</table>\n");
  }

  private static void link(StringBuilder html, String name) {
    html.append("<a href=\"").append(Html.escape(name)).append("\">").append(Html.escape(name)).append("</a>");
  }

  private static void charts(StringBuilder html, FilingTrends trends) {
    List<SvgLineChart.Series> boroughs = new ArrayList<>();
    int color = 0;
    for (Map.Entry<String, long[]> borough : trends.filedPerWeek().entrySet()) {
      boroughs.add(new SvgLineChart.Series(borough.getKey(), COLORS.get(color++), doubles(borough.getValue())));
    }
    List<String> weeks = trends.weeks().stream().map(LocalDate::toString).toList();
    html.append("<h2>Cases filed per week, by borough</h2>\n<figure id=\"weekly-filings\">\n")
        .append(SvgLineChart.svg("Cases filed per week over the last " + weeks.size() + " weeks, by borough",
            weeks, 13, boroughs, false))
        .append('\n');
    legend(html, boroughs);
    html.append("<figcaption>Weeks start on Monday; the last week may be incomplete. Borough from the court,"
        + " else from the geocoded address.</figcaption>\n</figure>\n");

    double[] judged = shares(trends.judged(), trends.filed());
    double[] warranted = shares(trends.warranted(), trends.filed());
    List<SvgLineChart.Series> outcomes = List.of(
        new SvgLineChart.Series("Reached a judgment", COLORS.get(0), judged),
        new SvgLineChart.Series("Reached an issued warrant", COLORS.get(1), warranted));
    List<String> months = trends.months().stream().map(MONTH::format).toList();
    html.append("<h2>Share of cases reaching judgment and warrant, by filing month</h2>\n")
        .append("<figure id=\"monthly-outcomes\">\n")
        .append(SvgLineChart.svg("Share of the cases filed each month that reached a judgment and an issued"
            + " warrant", months, 3, outcomes, true))
        .append('\n');
    legend(html, outcomes);
    html.append("<figcaption>Recent months are low because their cases have not run their course yet.</figcaption>\n"
        + "</figure>\n");
  }

  private static void legend(StringBuilder html, List<SvgLineChart.Series> series) {
    html.append("<ul class=\"legend\">");
    for (SvgLineChart.Series s : series) {
      html.append("<li><span style=\"background:").append(Html.escape(s.color())).append("\"></span>")
          .append(Html.escape(s.name())).append("</li>");
    }
    html.append("</ul>\n");
  }

  private static void recentFiles(StringBuilder html, List<RecentFile> files) {
    html.append("<h2>Last promoted files</h2>\n");
    if (files.isEmpty()) {
      html.append("<p class=\"none\">None yet.</p>\n");
      return;
    }
    html.append("<table id=\"recent-files\">\n<tr><th>File</th><th>Extract date</th><th>Promoted</th>"
        + "<th class=\"n\">Cases promoted</th><th class=\"n\">Older, skipped</th><th class=\"n\">Of deleted ids</th>"
        + "<th class=\"n\">Deletes</th>"
        + "<th class=\"n\">Failed</th></tr>\n");
    for (RecentFile f : files) {
      html.append("<tr><td>").append(Html.escape(f.fileName())).append("</td><td>").append(f.extractDate())
          .append("</td><td>").append(MINUTE.format(f.promotedAt())).append("</td>")
          .append(count(f.casesApplied())).append(count(f.casesSkippedOlder()))
          .append(count(f.casesTombstoned())).append(count(f.casesDeleted()))
          .append(f.failedCases() < 0 ? "<td class=\"n\">report gone</td>" : count(f.failedCases()))
          .append("</tr>\n");
      if (!f.failureReasons().isEmpty()) {
        html.append("<tr><td colspan=\"8\"><ul class=\"reasons\">");
        f.failureReasons().forEach((reason, n) -> html.append("<li>").append(Html.escape(reason))
            .append(": ").append(n).append(n == 1 ? " case" : " cases").append("</li>"));
        html.append("</ul></td></tr>\n");
      }
    }
    html.append("</table>\n<p>Cases promoted: versions that replaced a case's rows. Failed: cases the file's"
        + " staging rejected (they are kept in the private report, not published).</p>\n");
  }

  private static String count(long n) {
    return "<td class=\"n\">" + String.format(Locale.ROOT, "%,d", n) + "</td>";
  }

  private static double[] doubles(long[] values) {
    double[] d = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      d[i] = values[i];
    }
    return d;
  }

  private static double[] shares(long[] part, long[] whole) {
    double[] d = new double[part.length];
    for (int i = 0; i < part.length; i++) {
      d[i] = whole[i] == 0 ? 0 : (double) part[i] / whole[i];
    }
    return d;
  }
}
