package org.ocaetl.parse;

import java.util.Locale;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The rest of an element that broke a {@link CaseBounds} bound, read to its end tag without being
 * kept, so memory stays flat however large it is (the parser still checks it is well-formed). It
 * goes on counting what broke the bound, so the failure says how large the case really is, and it
 * keeps the Index's {@code IndexNumberId}, read before or after the bound, so the failure names
 * the case. One per oversized element.
 */
final class OversizedSubtree {
  /** Which {@link CaseBounds} bound was broken. */
  enum Bound {
    CHILDREN,
    ELEMENTS,
    TEXT
  }

  private static final String CASE_ID = "IndexNumberId";

  private final CaseBounds bounds;
  private final Bound bound;
  private final ParsedElement root;
  /** The element in which the bound was broken: its path, depth and line. */
  private final String path;
  private final int boundDepth;
  private final int line;
  private ParsedElement caseId;
  private long count;
  private boolean boundElementOpen = true;

  /**
   * @param open the elements open at the cursor, root first (read now: the caller clears them)
   * @param depth depth of the element in which the bound was broken (the cursor is on a child start
   *     tag or on text of it)
   * @param counted what the bound counts, before the cursor's event
   */
  OversizedSubtree(CaseBounds bounds, ParsedElement[] open, int depth, Bound bound, long counted) {
    this.bounds = bounds;
    this.bound = bound;
    this.root = open[0];
    this.path = path(open, depth);
    this.boundDepth = depth;
    this.line = open[depth].line();
    this.caseId = root.firstChild(CASE_ID);
    this.count = counted;
  }

  /** Skips from the cursor's event to the root's end tag; returns the root with the reason. */
  ParsedElement skipRest(XMLStreamReader reader) throws XMLStreamException {
    int depth = boundDepth; // of the element the cursor's event belongs to
    int event = reader.getEventType();
    while (true) {
      switch (event) {
        case XMLStreamConstants.START_ELEMENT -> {
          depth++;
          if (bound == Bound.ELEMENTS
              || (bound == Bound.CHILDREN && boundElementOpen && depth == boundDepth + 1)) {
            count++;
          }
          if (depth == 1 && caseId == null && reader.getLocalName().equals(CASE_ID)) {
            caseId = new ParsedElement(CASE_ID, reader.getLocation().getLineNumber());
            caseId.text(leafText(reader));
            depth--;
          }
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          if (bound == Bound.TEXT && !reader.isWhiteSpace()) { // indentation is not counted
            count += reader.getTextLength();
          }
        }
        case XMLStreamConstants.END_ELEMENT -> {
          if (depth == 0) {
            return cutShort();
          }
          if (depth == boundDepth) {
            boundElementOpen = false;
          }
          depth--;
        }
        case XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.DTD ->
            throw XmlSubtreeReader.entityError(reader);
        default -> {
          // comments and processing instructions
        }
      }
      event = reader.next();
    }
  }

  /** The text directly inside the element under the cursor (docs/processing-rules.md#rule-9: unchanged); the cursor ends on its end tag. */
  private static String leafText(XMLStreamReader reader) throws XMLStreamException {
    StringBuilder text = new StringBuilder();
    int nested = 0;
    while (true) {
      switch (reader.next()) {
        case XMLStreamConstants.START_ELEMENT -> nested++;
        case XMLStreamConstants.END_ELEMENT -> {
          if (nested-- == 0) {
            return text.isEmpty() ? null : text.toString();
          }
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          if (nested == 0) {
            text.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
          }
        }
        case XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.DTD ->
            throw XmlSubtreeReader.entityError(reader);
        default -> {
          // comments and processing instructions
        }
      }
    }
  }

  private ParsedElement cutShort() {
    ParsedElement kept = new ParsedElement(root.name(), root.line());
    long textLength = 0;
    if (caseId != null) {
      kept.add(caseId);
      textLength = caseId.text() == null ? 0 : caseId.text().length();
    }
    kept.size(new TreeSize(1 + kept.childCount(), textLength, new CaseTooLarge(path, reason(), line)));
    return kept;
  }

  private String reason() {
    return switch (bound) {
      case CHILDREN ->
          String.format(
              Locale.ROOT,
              "%,d child elements, more than the %,d allowed in one element",
              count,
              bounds.maxChildren());
      case ELEMENTS ->
          String.format(
              Locale.ROOT,
              "%,d elements in the %s, more than the %,d allowed",
              count,
              root.name(),
              bounds.maxElements());
      case TEXT ->
          String.format(
              Locale.ROOT,
              "%,d characters of text in the %s, more than the %,d allowed",
              count,
              root.name(),
              bounds.maxTextLength());
    };
  }

  /** Path below the root, as case failures name elements ({@code Parties}); the root's own name at depth 0. */
  private static String path(ParsedElement[] open, int depth) {
    if (depth == 0) {
      return open[0].name();
    }
    StringBuilder path = new StringBuilder(open[1].name());
    for (int d = 2; d <= depth; d++) {
      path.append('/').append(open[d].name());
    }
    return path.toString();
  }
}
