package org.ocaetl.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds raw extract files for tests: zips holding {@code LandlordTenantExtract.xml} (or any
 * members), and the two XML envelope shapes OCA has sent (docs/processing-rules.md#rule-1) around {@code Index} snippets.
 *
 * <pre>{@code
 * Path zip = TestExtracts.zip(dir, "LandlordTenant.Incr.2025-07-06.zip",
 *     TestExtracts.extract("2025-07-06", TestExtracts.deleteRecord("id-1")));
 * }</pre>
 */
public final class TestExtracts {
  public static final String MEMBER = "LandlordTenantExtract.xml";
  public static final String NAMESPACE = "http://www.example.org/LandlordTenantExtractSchema";

  private TestExtracts() {}

  /** Something that writes XML text (for files too large for one string). */
  @FunctionalInterface
  public interface XmlBody {
    void writeTo(Writer out) throws IOException;
  }

  /** Writes {@code dir/fileName}: a zip whose only member is LandlordTenantExtract.xml. */
  public static Path zip(Path dir, String fileName, String xml) throws IOException {
    return zip(dir, fileName, Map.of(MEMBER, xml.getBytes(StandardCharsets.UTF_8)));
  }

  /** Writes a zip with these members, in map order. */
  public static Path zip(Path dir, String fileName, Map<String, byte[]> members) throws IOException {
    Path file = dir.resolve(fileName);
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
      for (Map.Entry<String, byte[]> member : new LinkedHashMap<>(members).entrySet()) {
        zip.putNextEntry(new ZipEntry(member.getKey()));
        zip.write(member.getValue());
        zip.closeEntry();
      }
    }
    return file;
  }

  /** Writes a zip whose LandlordTenantExtract.xml is streamed by {@code body} (UTF-8). */
  public static Path zipStreaming(Path dir, String fileName, XmlBody body) throws IOException {
    Path file = dir.resolve(fileName);
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
      zip.putNextEntry(new ZipEntry(MEMBER));
      Writer out = new OutputStreamWriter(nonClosing(zip), StandardCharsets.UTF_8);
      body.writeTo(out);
      out.flush();
      zip.closeEntry();
    }
    return file;
  }

  /** Copies {@code zip} to {@code target} cut to its first {@code fraction} of bytes. */
  public static Path truncated(Path zip, Path target, double fraction) throws IOException {
    byte[] bytes = Files.readAllBytes(zip);
    Files.write(target, Arrays.copyOf(bytes, (int) (bytes.length * fraction)));
    return target;
  }

  /**
   * The predecessor fixtures' shape: root {@code LandlordTenantExtract}, then {@code RunDate}
   * (omitted when null), then the Index elements.
   */
  public static String extract(String runDate, String... indexes) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.append("<LandlordTenantExtract xmlns=\"").append(NAMESPACE).append("\">\n");
    if (runDate != null) {
      xml.append("  <RunDate>").append(runDate).append("</RunDate>\n");
    }
    for (String index : indexes) {
      xml.append(index).append('\n');
    }
    return xml.append("</LandlordTenantExtract>\n").toString();
  }

  /** The extract specification's shape: root {@code Extract}, envelope, {@code Indexes/Index}. */
  public static String pdfExtract(String runDate, String... indexes) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.append("<Extract xmlns=\"").append(NAMESPACE).append("\">\n");
    xml.append("  <Sender>OCA</Sender>\n  <Recipient>139</Recipient>\n");
    xml.append("  <ExtractType>Incremental</ExtractType>\n");
    if (runDate != null) {
      xml.append("  <RunDate>").append(runDate).append("</RunDate>\n");
    }
    xml.append("  <Indexes>\n");
    for (String index : indexes) {
      xml.append(index).append('\n');
    }
    return xml.append("  </Indexes>\n</Extract>\n").toString();
  }

  /** XXE: the DOCTYPE (line 2) declares an external entity reading /etc/passwd, used in a case. */
  public static String externalEntityAttack(String runDate) {
    return "<?xml version=\"1.0\"?>\n"
        + "<!DOCTYPE LandlordTenantExtract [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]>\n"
        + "<LandlordTenantExtract><RunDate>" + runDate + "</RunDate>\n"
        + "<Index><IndexNumberId>&xxe;</IndexNumberId><Court>&xxe;</Court></Index>\n"
        + "</LandlordTenantExtract>\n";
  }

  /** Billion laughs: the DOCTYPE (line 2) nests entities that expand to 10^9 "lol"s in a case. */
  public static String entityExpansionAttack(String runDate) {
    StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
    for (int i = 1; i <= 9; i++) {
      dtd.append("<!ENTITY lol").append(i).append(" \"");
      dtd.append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
    }
    dtd.append("]>");
    return "<?xml version=\"1.0\"?>\n"
        + dtd
        + "\n<LandlordTenantExtract><RunDate>" + runDate + "</RunDate>\n"
        + "<Index><IndexNumberId>x</IndexNumberId><Court>&lol9;</Court></Index></LandlordTenantExtract>";
  }

  /** {@code <Index>} with the given id and inner XML. */
  public static String index(String id, String innerXml) {
    return "<Index><IndexNumberId>" + id + "</IndexNumberId>" + innerXml + "</Index>";
  }

  /** A delete record for {@code id}. */
  public static String deleteRecord(String id) {
    return "<Index><IndexNumberId>" + id + "</IndexNumberId><Delete/></Index>";
  }

  /** A UTF-8 test resource as a string (e.g. an example Index). */
  public static String resource(Class<?> near, String name) {
    try (var in = near.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + name + " near " + near.getName());
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static OutputStream nonClosing(OutputStream out) {
    return new java.io.FilterOutputStream(out) {
      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
      }

      @Override
      public void close() throws IOException {
        flush();
      }
    };
  }
}
