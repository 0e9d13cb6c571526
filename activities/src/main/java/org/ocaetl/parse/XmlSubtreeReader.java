package org.ocaetl.parse;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the element under a StAX cursor, with everything inside it, into an {@link XmlElement}
 * tree and leaves the cursor on its end tag. Texts are taken as the parser's own strings (with
 * coalescing on, a value is one event), so the usual leaf costs one String and the indentation
 * between elements costs nothing (Woodstox hands out shared indentation strings and knows they are
 * white space). Not thread-safe: one per parse.
 */
final class XmlSubtreeReader {
  /** Text read so far at each open depth (null: none yet). */
  private final String[] textByDepth = new String[HardenedXmlFactory.MAX_ELEMENT_DEPTH + 1];
  private final XmlElement[] open = new XmlElement[HardenedXmlFactory.MAX_ELEMENT_DEPTH + 1];

  /** Precondition: the cursor is on a START_ELEMENT. */
  XmlElement read(XMLStreamReader reader) throws XMLStreamException {
    int depth = 0;
    open[0] = start(reader, 0);
    while (true) {
      switch (reader.next()) {
        case XMLStreamConstants.START_ELEMENT -> {
          XmlElement parent = open[depth];
          if (!parent.hasChildren() && isBlank(textByDepth[depth])) {
            textByDepth[depth] = null; // the indentation before a container's first child
          }
          XmlElement child = start(reader, depth + 1);
          parent.add(child);
          open[++depth] = child;
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          if (open[depth].hasChildren() && reader.isWhiteSpace()) {
            continue; // indentation between a container's children (Woodstox already knows)
          }
          String chunk = reader.getText();
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
          XmlElement done = open[depth];
          done.text(textOf(done, textByDepth[depth]));
          open[depth] = null;
          textByDepth[depth] = null;
          if (depth-- == 0) {
            return done;
          }
        }
        case XMLStreamConstants.ENTITY_REFERENCE, XMLStreamConstants.DTD ->
            throw new XMLStreamException(
                "entity references and DTDs are not allowed", reader.getLocation());
        default -> {
          // comments and processing instructions carry no data
        }
      }
    }
  }

  private XmlElement start(XMLStreamReader reader, int depth) {
    textByDepth[depth] = null;
    return new XmlElement(reader.getLocalName(), reader.getLocation().getLineNumber());
  }

  /**
   * A leaf's text exactly as read (whitespace-only included, rule 9); a container keeps only
   * non-blank mixed text, its indentation was dropped on the way.
   */
  private static String textOf(XmlElement element, String text) {
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
