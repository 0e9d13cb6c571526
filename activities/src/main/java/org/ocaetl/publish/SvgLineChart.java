package org.ocaetl.publish;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * An inline SVG line chart, drawn by the worker so the status page needs no script and no other
 * host: one {@code polyline} per series with one point per x value (the browser test counts them),
 * horizontal grid lines with their values, and every {@code labelEvery}-th x label.
 */
final class SvgLineChart {
  /** One line: its name (the legend and {@code data-series}), colour and one value per x. */
  record Series(String name, String color, double[] values) {}

  private static final int WIDTH = 760;
  private static final int HEIGHT = 280;
  private static final int LEFT = 56;
  private static final int RIGHT = 12;
  private static final int TOP = 12;
  private static final int BOTTOM = 36;
  private static final int GRID_LINES = 4;

  private SvgLineChart() {}

  /**
   * @param title what the chart shows (its accessible name)
   * @param percent whether the values are shares (0–1), labelled as percentages
   */
  static String svg(String title, List<String> xLabels, int labelEvery, List<Series> series, boolean percent) {
    double top = niceTop(series.stream().flatMapToDouble(s -> Arrays.stream(s.values())).max().orElse(0));
    int plotWidth = WIDTH - LEFT - RIGHT;
    int plotHeight = HEIGHT - TOP - BOTTOM;
    double step = xLabels.size() > 1 ? (double) plotWidth / (xLabels.size() - 1) : 0;
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 ")
        .append(WIDTH).append(' ').append(HEIGHT).append("\" role=\"img\"><title>")
        .append(Html.escape(title)).append("</title>\n");
    for (int i = 0; i <= GRID_LINES; i++) {
      double value = top * i / GRID_LINES;
      String y = number(TOP + plotHeight - plotHeight * (double) i / GRID_LINES);
      svg.append("<line class=\"grid\" x1=\"").append(LEFT).append("\" x2=\"").append(WIDTH - RIGHT)
          .append("\" y1=\"").append(y).append("\" y2=\"").append(y).append("\"/>")
          .append("<text class=\"y\" x=\"").append(LEFT - 6).append("\" y=\"").append(y).append("\">")
          .append(percent ? Math.round(value * 100) + "%" : Long.toString(Math.round(value))).append("</text>\n");
    }
    for (int i = 0; i < xLabels.size(); i += Math.max(1, labelEvery)) {
      svg.append("<text class=\"x\" x=\"").append(number(LEFT + step * i)).append("\" y=\"")
          .append(HEIGHT - BOTTOM + 18).append("\">").append(Html.escape(xLabels.get(i))).append("</text>\n");
    }
    for (Series s : series) {
      svg.append("<polyline class=\"series\" data-series=\"").append(Html.escape(s.name()))
          .append("\" stroke=\"").append(Html.escape(s.color())).append("\" points=\"");
      double[] values = s.values();
      for (int i = 0; i < values.length; i++) {
        svg.append(i == 0 ? "" : " ").append(number(LEFT + step * i)).append(',')
            .append(number(TOP + plotHeight - plotHeight * values[i] / top));
      }
      svg.append("\"><title>").append(Html.escape(s.name())).append("</title></polyline>\n");
    }
    return svg.append("</svg>").toString();
  }

  /** A round axis maximum at or above {@code max}: 1, 2, 2.5 or 5 times a power of ten; 1 for an empty chart. */
  static double niceTop(double max) {
    if (max <= 0) {
      return 1;
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
    for (double factor : new double[] {1, 2, 2.5, 5, 10}) {
      if (factor * magnitude >= max) {
        return factor * magnitude;
      }
    }
    return 10 * magnitude;
  }

  private static String number(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
