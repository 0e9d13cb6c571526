package org.ocaetl.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A generated extract read back with a plain StAX reader (independent of the project's parser): the
 * envelope values and every {@code Index} as a small tree. For test-sized files only.
 */
final class ParsedExtract {
  static final String NAMESPACE = "http://www.example.org/LandlordTenantExtractSchema";

  /** An element: its local name, its text (concatenated character data), its child elements. */
  record Node(String name, String text, List<Node> children) {
    Node child(String childName) {
      return children.stream().filter(c -> c.name.equals(childName)).findFirst().orElse(null);
    }

    String text(String childName) {
      Node child = child(childName);
      return child == null ? null : child.text;
    }

    List<Node> all(String childName) {
      return children.stream().filter(c -> c.name.equals(childName)).toList();
    }

    /** Every descendant (and this node) in document order. */
    List<Node> descendants() {
      List<Node> found = new ArrayList<>();
      found.add(this);
      for (Node child : children) {
        found.addAll(child.descendants());
      }
      return found;
    }

    boolean isDelete() {
      return child("Delete") != null;
    }

    String id() {
      return text("IndexNumberId");
    }
  }

  final String rootName;
  final List<Node> envelope = new ArrayList<>();
  final List<Node> indexes = new ArrayList<>();
  final List<String> zipMembers = new ArrayList<>();
  final int cdataSections;
  private final List<Node> cases;
  private final List<Node> deletes;

  private ParsedExtract(Path zip) throws IOException, XMLStreamException {
    try (ZipFile file = new ZipFile(zip.toFile())) {
      for (Enumeration<? extends ZipEntry> entries = file.entries(); entries.hasMoreElements(); ) {
        zipMembers.add(entries.nextElement().getName());
      }
      XMLInputFactory factory = XMLInputFactory.newFactory();
      factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
      factory.setProperty(XMLInputFactory.IS_COALESCING, false);
      factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
      try (InputStream in = file.getInputStream(file.getEntry("LandlordTenantExtract.xml"))) {
        XMLStreamReader xml = factory.createXMLStreamReader(in);
        xml.nextTag();
        rootName = xml.getLocalName();
        assertEquals(NAMESPACE, xml.getNamespaceURI(), "root namespace");
        int[] cdata = {0};
        while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
          if (xml.getLocalName().equals("Indexes")) {
            while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
              indexes.add(read(xml, cdata));
            }
          } else {
            envelope.add(read(xml, cdata));
          }
        }
        cdataSections = cdata[0];
        xml.close();
      }
    }
    cases = indexes.stream().filter(n -> !n.isDelete()).toList();
    deletes = indexes.stream().filter(Node::isDelete).toList();
  }

  static ParsedExtract read(Path zip) throws IOException, XMLStreamException {
    return new ParsedExtract(zip);
  }

  /** Reads the element at the cursor; every element must be in the extract's namespace. */
  private static Node read(XMLStreamReader xml, int[] cdata) throws XMLStreamException {
    assertEquals(NAMESPACE, xml.getNamespaceURI(), () -> "namespace of " + xml.getLocalName());
    String name = xml.getLocalName();
    StringBuilder text = new StringBuilder();
    List<Node> children = new ArrayList<>();
    while (true) {
      int event = xml.next();
      switch (event) {
        case XMLStreamConstants.START_ELEMENT -> children.add(read(xml, cdata));
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE -> text.append(xml.getText());
        case XMLStreamConstants.CDATA -> {
          cdata[0]++;
          text.append(xml.getText());
        }
        case XMLStreamConstants.END_ELEMENT -> {
          // Containers hold indentation only; leaves keep their text exactly.
          return new Node(name, children.isEmpty() ? text.toString() : "", children);
        }
        default -> {}
      }
    }
  }

  String envelope(String name) {
    return envelope.stream()
        .filter(n -> n.name().equals(name))
        .map(Node::text)
        .findFirst()
        .orElse(null);
  }

  /** The records without Delete, in file order. */
  List<Node> cases() {
    return cases;
  }

  /** The delete records, in file order. */
  List<Node> deletes() {
    return deletes;
  }
}
