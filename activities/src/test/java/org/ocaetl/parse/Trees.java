package org.ocaetl.parse;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Reads an XML snippet into an {@link ParsedElement} the way {@link ExtractReader} does. */
final class Trees {
  private Trees() {}

  static ParsedElement parse(String xml) {
    return children("<root>" + xml + "</root>", CaseBounds.DEFAULTS).get(0);
  }

  /** Every child element of the snippet's root, each read as a whole with {@code bounds}. */
  static List<ParsedElement> children(String xml, CaseBounds bounds) {
    try {
      XMLStreamReader reader = HardenedXmlFactory.create().createXMLStreamReader(new StringReader(xml));
      XmlSubtreeReader subtrees = new XmlSubtreeReader(bounds);
      List<ParsedElement> children = new ArrayList<>();
      int depth = 0;
      while (reader.hasNext()) {
        int event = reader.next();
        if (event == XMLStreamConstants.START_ELEMENT && depth == 1) {
          children.add(subtrees.read(reader));
        } else if (event == XMLStreamConstants.START_ELEMENT) {
          depth++;
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          depth--;
        }
      }
      return children;
    } catch (XMLStreamException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
