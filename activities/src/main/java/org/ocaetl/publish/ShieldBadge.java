package org.ocaetl.publish;

import java.time.LocalDate;

/**
 * The "Last Updated" badge (docs/tables.md#published-files), generated locally instead of calling a badge service:
 * 320×28 px, yellow background #fecc00, text {@code Last Updated: YYYY-MM-DD}.
 */
final class ShieldBadge {
  private ShieldBadge() {}

  static String svg(LocalDate dataDate) {
    String text = "Last Updated: " + dataDate; // ISO yyyy-MM-dd: nothing to escape
    return """
        <svg xmlns="http://www.w3.org/2000/svg" width="320" height="28" viewBox="0 0 320 28" \
        role="img" aria-label="%1$s">
          <title>%1$s</title>
          <rect width="320" height="28" fill="#fecc00"/>
          <text x="160" y="19" fill="#000000" text-anchor="middle" \
        font-family="Verdana,DejaVu Sans,Geneva,sans-serif" font-size="14">%1$s</text>
        </svg>
        """
        .formatted(text);
  }
}
