package org.ocaetl.parse;

import java.util.Arrays;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the element under a StAX cursor, with everything inside it, into an {@link ParsedElement}
 * tree and leaves the cursor on its end tag. Texts are taken as the parser's own strings (with
 * coalescing on, a value is one event), so the usual leaf costs one String and the indentation
 * between elements costs nothing (Woodstox hands out shared indentation strings and knows they are
 * white space).
 *
 * <p>The tree is bounded by {@link CaseBounds}: at the first child, element or character past a
 * bound, what was built is dropped and the rest of the element is skipped ({@link
 * OversizedSubtree}); the element returned then carries the reason in {@link ParsedElement#size()}.
 * Not thread-safe: one per parse.
 */
final class XmlSubtreeReader {
  private final CaseBounds bounds;
  /** Text read so far at each open depth (null: none yet). */
  private final String[] textByDepth = new String[HardenedXmlFactory.MAX_ELEMENT_DEPTH + 1];
  private final ParsedElement[] open = new ParsedElement[HardenedXmlFactory.MAX_ELEMENT_DEPTH + 1];

  XmlSubtreeReader(CaseBounds bounds) {
    this.bounds = bounds;
  }

  /** Precondition: the cursor is on a START_ELEMENT. */
  ParsedElement read(XMLStreamReader reader) throws XMLStreamException {
    int depth = 0;
    int elements = 1;
    long textLength = 0;
    open[0] = start(reader, 0);
    while (true) {
      switch (reader.next()) {
        case XMLStreamConstants.START_ELEMENT -> {
          ParsedElement parent = open[depth];
          if (parent.childCount() >= bounds.maxChildren()) {
            return skipRest(reader, depth, OversizedSubtree.Bound.CHILDREN, parent.childCount());
          }
          if (elements >= bounds.maxElements()) {
            return skipRest(reader, depth, OversizedSubtree.Bound.ELEMENTS, elements);
          }
          elements++;
          if (!parent.hasChildren() && textByDepth[depth] != null && isBlank(textByDepth[depth])) {
            textLength -= textByDepth[depth].length(); // kept no longer: not counted
            textByDepth[depth] = null; // the indentation before a container's first child
          }
          ParsedElement child = start(reader, depth + 1);
          parent.add(child);
          open[++depth] = child;
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          if (open[depth].hasChildren() && reader.isWhiteSpace()) {
            continue; // indentation between a container's children (Woodstox already knows)
          }
          if (textLength + reader.getTextLength() > bounds.maxTextLength()) {
            return skipRest(reader, depth, OversizedSubtree.Bound.TEXT, textLength); // before getText()
          }
          String chunk = reader.getText();
          textLength += chunk.length();
          String text = textByDepth[depth];
          // more than one chunk only around comments and processing instructions
          text = text == null ? chunk : text.concat(chunk);
          // Woodstox bounds each text node; this also bounds text split by comments or PIs.
          if (text.length() > HardenedXmlFactory.MAX_TEXT_LENGTH) {
            throw new XMLStreamException(
                "Text size limit (" + HardenedXmlFactory.MAX_TEXT_LENGTH + ") exceeded",
                reader.getLocation());
          }
          textByDepth[depth] = text;
        }
        case XMLStreamConstants.END_ELEMENT -> {
          ParsedElement done = open[depth];
          done.text(textOf(done, textByDepth[depth]));
          open[depth] = null;
          textByDepth[depth] = null;
          if (depth-- == 0) {
            done.size(new TreeSize(elements, textLength, null));
            return done;
          }
        }
        case XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.DTD -> throw entityError(reader);
        default -> {
          // comments and processing instructions carry no data
        }
      }
    }
  }

  /**
   * Drops the tree built so far (the reader keeps no reference to it) and skips the rest of the
   * element; the cursor ends on its end tag as after a whole read.
   */
  private ParsedElement skipRest(XMLStreamReader reader, int depth, OversizedSubtree.Bound bound, long counted)
      throws XMLStreamException {
    OversizedSubtree skipped = new OversizedSubtree(bounds, open, depth, bound, counted);
    Arrays.fill(open, null);
    Arrays.fill(textByDepth, null);
    return skipped.skipRest(reader);
  }

  static XMLStreamException entityError(XMLStreamReader reader) {
    return new XMLStreamException("entity references and DTDs are not allowed", reader.getLocation());
  }

  private ParsedElement start(XMLStreamReader reader, int depth) {
    textByDepth[depth] = null;
    int attributes = reader.getAttributeCount();
    if (attributes == 0) {
      return new ParsedElement(reader.getLocalName(), reader.getLocation().getLineNumber());
    }
    // Only their names, for the drift report: no column reads an attribute (and a value could be an address).
    String[] names = new String[attributes];
    for (int i = 0; i < attributes; i++) {
      names[i] = reader.getAttributeLocalName(i);
    }
    return new ParsedElement.Attributed(reader.getLocalName(), reader.getLocation().getLineNumber(), List.of(names));
  }

  /**
   * A leaf's text exactly as read (whitespace-only included, docs/processing-rules.md#rule-9); a container keeps only
   * non-blank mixed text, its indentation was dropped on the way.
   */
  private static String textOf(ParsedElement element, String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    return element.hasChildren() && isBlank(text) ? null : text;
  }

  /** Null, empty, or only {@link Character#isWhitespace} characters. */
  private static boolean isBlank(String text) {
    if (text == null) {
      return true;
    }
    for (int i = 0; i < text.length(); i++) {
      if (!Character.isWhitespace(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
