package org.ocaetl.generate;

import com.ctc.wstx.api.WstxOutputProperties;
import com.ctc.wstx.stax.WstxOutputFactory;
import java.io.OutputStream;
import java.time.LocalDate;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLOutputFactory2;
import org.codehaus.stax2.XMLStreamWriter2;

/**
 * Writes an extract in the PDF shape ({@code Extract/Sender/Recipient/ExtractType/RunDate/Indexes})
 * one {@code Index} at a time, straight into the given stream: nothing of the document is buffered
 * beyond Woodstox's small output buffer. Indented two spaces per level, as a line/column in an
 * error message is then meaningful.
 */
final class ExtractXmlWriter implements AutoCloseable {
  static final String NAMESPACE = "http://www.example.org/LandlordTenantExtractSchema";
  static final String SENDER = "OCA";
  static final String RECIPIENT = "139";

  private static final XMLOutputFactory FACTORY = outputFactory();
  private static final String[] INDENTS = indents(12);

  private final XMLStreamWriter2 xml;

  ExtractXmlWriter(OutputStream out) throws XMLStreamException {
    this.xml = (XMLStreamWriter2) FACTORY.createXMLStreamWriter(out, "UTF-8");
  }

  private static XMLOutputFactory outputFactory() {
    XMLOutputFactory factory = new WstxOutputFactory();
    factory.setProperty(XMLOutputFactory.IS_REPAIRING_NAMESPACES, false);
    // Empty elements come out as <Events/>, the way OCA's extracts show present-but-empty sections.
    factory.setProperty(XMLOutputFactory2.P_AUTOMATIC_EMPTY_ELEMENTS, true);
    // The writer is only fed well-formed structure by this class; skip Woodstox's re-checking.
    factory.setProperty(WstxOutputProperties.P_OUTPUT_VALIDATE_STRUCTURE, false);
    factory.setProperty(WstxOutputProperties.P_USE_DOUBLE_QUOTES_IN_XML_DECL, true);
    return factory;
  }

  private static String[] indents(int levels) {
    String[] indents = new String[levels];
    for (int level = 0; level < levels; level++) {
      indents[level] = "\n" + "  ".repeat(level);
    }
    return indents;
  }

  /**
   * Writes the envelope up to the opening {@code <Indexes>}.
   *
   * @param filedYear the filed year of an Initial extract (adds its FilingDateFrom/To); null for an
   *     Incremental
   */
  void startExtract(LocalDate runDate, Integer filedYear) throws XMLStreamException {
    xml.writeStartDocument("UTF-8", "1.0");
    xml.writeRaw("\n");
    xml.writeStartElement("", "Extract", NAMESPACE);
    xml.writeDefaultNamespace(NAMESPACE);
    XmlElement envelope = XmlElement.container("Extract");
    envelope
        .leaf("Sender", SENDER)
        .leaf("Recipient", RECIPIENT)
        .leaf("ExtractType", filedYear == null ? "Incremental" : "Initial");
    if (filedYear != null) {
      envelope
          .leaf("FilingDateFrom", LocalDate.of(filedYear, 1, 1).toString())
          .leaf("FilingDateTo", LocalDate.of(filedYear, 12, 31).toString());
    }
    envelope.leaf("RunDate", runDate.toString());
    for (XmlElement child : envelope.children()) {
      write(child, 1);
    }
    indent(1);
    xml.writeStartElement("Indexes");
  }

  /** Writes one {@code Index} (or any element) under {@code Indexes}. */
  void writeIndex(XmlElement index) throws XMLStreamException {
    write(index, 2);
  }

  /** Writes a delete record: {@code <Index><IndexNumberId>id</IndexNumberId><Delete/></Index>}. */
  void writeDelete(String indexNumberId) throws XMLStreamException {
    indent(2);
    xml.writeStartElement("Index");
    indent(3);
    xml.writeStartElement("IndexNumberId");
    xml.writeCharacters(indexNumberId);
    xml.writeEndElement();
    indent(3);
    xml.writeEmptyElement("Delete");
    indent(2);
    xml.writeEndElement();
  }

  /** Closes {@code Indexes} and the root, and flushes; the underlying stream stays open. */
  void finishExtract() throws XMLStreamException {
    indent(1);
    xml.writeEndElement();
    indent(0);
    xml.writeEndElement();
    xml.writeRaw("\n");
    xml.writeEndDocument();
    xml.flush();
  }

  private void write(XmlElement element, int depth) throws XMLStreamException {
    indent(depth);
    xml.writeStartElement(element.name());
    if (element.isLeaf()) {
      writeText(element);
    } else if (!element.children().isEmpty()) {
      for (XmlElement child : element.children()) {
        write(child, depth + 1);
      }
      indent(depth);
    }
    xml.writeEndElement();
  }

  private void writeText(XmlElement leaf) throws XMLStreamException {
    String text = leaf.text();
    if (text.isEmpty()) {
      return; // an empty leaf is written as <Name/>
    }
    switch (leaf.style()) {
      case PLAIN -> xml.writeCharacters(text);
      case CDATA -> xml.writeCData(text);
      case RAW -> xml.writeRaw(text);
    }
  }

  private void indent(int depth) throws XMLStreamException {
    xml.writeRaw(INDENTS[Math.min(depth, INDENTS.length - 1)]);
  }

  /**
   * Releases the writer; does not close the underlying stream (the zip entry is closed by the
   * caller).
   */
  @Override
  public void close() throws XMLStreamException {
    xml.close();
  }
}
