package org.ocaetl.parse;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import javax.xml.stream.XMLInputFactory;
import org.codehaus.stax2.XMLInputFactory2;

/**
 * The only way oca-etl creates a StAX parser. Woodstox's defaults resolve external entities (an
 * XXE {@code file:///} payload leaks the file), so this factory turns DTD processing and external
 * entities off and bounds every quantity an attacker (or a corrupt file) could inflate. DOCTYPE
 * declarations themselves are rejected by {@link ExtractReader}, which sees the DTD event.
 */
public final class HardenedXmlFactory {
  /** Longest single text node accepted (a multi-line highlight is a few KiB). */
  public static final int MAX_TEXT_LENGTH = 16 * 1024 * 1024;

  /** An Index is about 7 levels deep; the envelope adds 3. */
  static final int MAX_ELEMENT_DEPTH = 64;

  private HardenedXmlFactory() {}

  /** A new namespace-aware, coalescing, DTD-less Woodstox factory with tight limits. */
  public static XMLInputFactory create() {
    WstxInputFactory factory = new WstxInputFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    // Predefined entities (&amp;) and character references are always expanded; any other
    // (undeclared) entity reference is then an error instead of an unexpanded event.
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    // CDATA sections and adjacent text arrive as one event, so a value is never split.
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    factory.setProperty(XMLInputFactory.IS_VALIDATING, false);
    // Parse each token completely in next(): errors then surface there as XMLStreamException (not
    // as a later unchecked WstxLazyException), and the text length limit is enforced on every path.
    factory.setProperty(XMLInputFactory2.P_LAZY_PARSING, false);
    factory.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, MAX_TEXT_LENGTH);
    factory.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, MAX_ELEMENT_DEPTH);
    factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, 64 * 1024);
    factory.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, 64);
    factory.setProperty(WstxInputProperties.P_MAX_ENTITY_COUNT, 1_000);
    factory.setProperty(WstxInputProperties.P_MAX_ENTITY_DEPTH, 4);
    factory.setProperty(WstxInputProperties.P_MAX_DTD_DEPTH, 4);
    // No limit on total characters, element count or children per element: an Initial file for
    // a whole filed year has millions of Index elements under one parent, all streamed.
    return factory;
  }
}
