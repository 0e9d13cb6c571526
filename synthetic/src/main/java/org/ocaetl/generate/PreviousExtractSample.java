package org.ocaetl.generate;

import com.ctc.wstx.stax.WstxInputFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLStreamReader2;

/**
 * A uniform random sample of the cases of a previous extract, read in one streaming pass: a
 * reservoir (Algorithm R) holds at most as many ids as the new file will update or delete, however
 * large the previous file is. Delete records are not sampled.
 */
final class PreviousExtractSample {
  static final String MEMBER = "LandlordTenantExtract.xml";

  /** A sampled case: its id and, when readable, its filed date (kept by the update). */
  record PreviousCase(String indexNumberId, Long filedDay) {}

  private final List<PreviousCase> cases;
  private final long casesRead;

  private PreviousExtractSample(List<PreviousCase> cases, long casesRead) {
    this.cases = cases;
    this.casesRead = casesRead;
  }

  static PreviousExtractSample empty() {
    return new PreviousExtractSample(List.of(), 0);
  }

  /** The sampled cases, in random order, without repeated ids. */
  List<PreviousCase> cases() {
    return cases;
  }

  /** How many (non-delete) cases the previous file holds. */
  long casesRead() {
    return casesRead;
  }

  /** Samples up to {@code wanted} cases of the extract zip {@code previous}. */
  static PreviousExtractSample read(Path previous, int wanted, SplittableRandom random)
      throws IOException {
    String[] ids = new String[wanted];
    Long[] filedDays = new Long[wanted];
    long seen = 0;
    try (ZipFile zip = new ZipFile(previous.toFile())) {
      ZipEntry member = zip.getEntry(MEMBER);
      if (member == null) {
        throw new IOException(previous.getFileName() + " has no member " + MEMBER);
      }
      try (InputStream in = zip.getInputStream(member)) {
        XMLStreamReader2 xml = (XMLStreamReader2) inputFactory().createXMLStreamReader(in);
        try {
          IndexCursor index = new IndexCursor();
          while (xml.hasNext()) {
            if (xml.next() == XMLStreamConstants.START_ELEMENT
                && xml.getLocalName().equals("Index")) {
              index.read(xml);
              if (index.id != null && !index.delete) {
                int slot = seen < wanted ? (int) seen : (int) random.nextLong(seen + 1);
                if (slot < wanted) {
                  ids[slot] = index.id;
                  filedDays[slot] = index.filedDay;
                }
                seen++;
              }
            }
          }
        } finally {
          xml.close();
        }
      }
    } catch (XMLStreamException e) {
      throw new IOException(
          "cannot read the previous extract " + previous.getFileName() + ": " + e.getMessage(), e);
    }
    int size = (int) Math.min(seen, wanted);
    List<PreviousCase> sample = new ArrayList<>(size);
    Set<String> distinct = new HashSet<>();
    for (int i = 0; i < size; i++) {
      if (distinct.add(ids[i])) { // the previous file may repeat an id
        sample.add(new PreviousCase(ids[i], filedDays[i]));
      }
    }
    for (int i = sample.size() - 1;
        i > 0;
        i--) { // Fisher-Yates: reservoir slots are not in random order
      int j = random.nextInt(i + 1);
      sample.set(j, sample.set(i, sample.get(j)));
    }
    return new PreviousExtractSample(sample, seen);
  }

  private static XMLInputFactory inputFactory() {
    XMLInputFactory factory = new WstxInputFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    return factory;
  }

  /** Reads one {@code Index} subtree, keeping only what the sample needs. */
  private static final class IndexCursor {
    String id;
    Long filedDay;
    boolean delete;

    /** Reads from the {@code Index} start tag to its end tag, skipping the sections. */
    void read(XMLStreamReader2 xml) throws XMLStreamException {
      id = null;
      filedDay = null;
      delete = false;
      while (xml.nextTag() == XMLStreamConstants.START_ELEMENT) {
        switch (xml.getLocalName()) {
          case "IndexNumberId" -> id = emptyToNull(xml.getElementText());
          case "FiledDate" -> filedDay = day(xml.getElementText());
          case "Delete" -> {
            delete = true;
            xml.skipElement();
          }
          default -> xml.skipElement();
        }
      }
    }

    private static String emptyToNull(String text) {
      return text.isEmpty() ? null : text;
    }

    private static Long day(String text) {
      try {
        return LocalDate.parse(text).toEpochDay();
      } catch (DateTimeParseException e) {
        return null; // an invalid date in the previous file: the update draws its own
      }
    }
  }
}
