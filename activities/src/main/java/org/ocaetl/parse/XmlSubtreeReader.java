package org.ocaetl.parse;

import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the element under a StAX cursor, with everything inside it, into an {@link XmlElement}
 * tree and leaves the cursor on its end tag. Text buffers are reused across calls, so reading one
 * case allocates only its elements and their texts. Not thread-safe: one per parse.
 */
final class XmlSubtreeReader {
  private final List<StringBuilder> textByDepth = new ArrayList<>();
  private final XmlElement[] open = new XmlElement[HardenedXmlFactory.MAX_ELEMENT_DEPTH + 1];

  /** Precondition: the cursor is on a START_ELEMENT. */
  XmlElement read(XMLStreamReader reader) throws XMLStreamException {
    int depth = 0;
    open[0] = start(reader, 0);
    while (true) {
      switch (reader.next()) {
        case XMLStreamConstants.START_ELEMENT -> {
          XmlElement parent = open[depth];
          if (parent.children().isEmpty()) {
            dropIfBlank(textByDepth.get(depth)); // the indentation before a container's first child
          }
          XmlElement child = start(reader, depth + 1);
          parent.add(child);
          open[++depth] = child;
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          if (!open[depth].children().isEmpty() && reader.isWhiteSpace()) {
            continue; // indentation between a container's children (Woodstox already knows)
          }
          StringBuilder text = textByDepth.get(depth);
          text.append(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength());
          // Woodstox bounds each text node; this also bounds text split by comments or PIs.
          if (text.length() > HardenedXmlFactory.MAX_TEXT_LENGTH) {
            throw new XMLStreamException(
                "Text size limit (" + HardenedXmlFactory.MAX_TEXT_LENGTH + ") exceeded",
                reader.getLocation());
          }
        }
        case XMLStreamConstants.END_ELEMENT -> {
          XmlElement done = open[depth];
          done.text(textOf(done, textByDepth.get(depth)));
          open[depth] = null;
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
    while (textByDepth.size() <= depth) {
      textByDepth.add(new StringBuilder(64));
    }
    textByDepth.get(depth).setLength(0);
    return new XmlElement(reader.getLocalName(), reader.getLocation().getLineNumber());
  }

  /**
   * A leaf's text exactly as read (whitespace-only included, rule 9); a container keeps only
   * non-blank mixed text, its indentation was dropped on the way.
   */
  private static String textOf(XmlElement element, StringBuilder text) {
    if (text.isEmpty()) {
      return null;
    }
    if (!element.children().isEmpty()) {
      dropIfBlank(text); // indentation after the last child
      if (text.isEmpty()) {
        return null;
      }
    }
    return text.toString();
  }

  private static void dropIfBlank(StringBuilder text) {
    for (int i = 0; i < text.length(); i++) {
      if (!Character.isWhitespace(text.charAt(i))) {
        return;
      }
    }
    text.setLength(0);
  }
}
