package org.ocaetl.parse;

import java.io.StringReader;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Reads an XML snippet into an {@link XmlElement} the way {@link ExtractReader} does. */
final class Trees {
  private Trees() {}

  static XmlElement parse(String xml) {
    try {
      XMLStreamReader reader = HardenedXmlFactory.create().createXMLStreamReader(new StringReader(xml));
      while (reader.next() != XMLStreamConstants.START_ELEMENT) {
        // skip the prolog
      }
      return new XmlSubtreeReader().read(reader);
    } catch (XMLStreamException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
