package org.ocaetl.parse;

import com.ctc.wstx.exc.WstxLazyException;
import java.io.BufferedInputStream;
import java.io.CharConversionException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Streams the {@code Index} elements of a raw zip in one pass: the file goes through a SHA-256
 * digest, a 64 KiB buffer and a {@link ZipInputStream} on a read-ahead thread ({@link
 * ReadAheadInputStream}); the member {@value #MEMBER} is read with a hardened StAX cursor. Both
 * envelope shapes are accepted because only local names matter: the first {@code RunDate} anywhere
 * before the first {@code Index} is recorded, and every {@code Index} anywhere is returned as a
 * small tree. Only one case is in memory at a time.
 *
 * <p>Everything that makes the file unreadable (not a zip, truncated, no member or two of them,
 * malformed or hostile XML, bytes not valid in its encoding, a DOCTYPE, a text node over the
 * limit) becomes an {@link ExtractFileException} naming the file and, inside the XML, the line and
 * column. Plain I/O errors of the local disk stay {@link IOException}s: they say nothing about the
 * file and are worth a retry.
 */
public final class ExtractReader implements AutoCloseable {
  public static final String MEMBER = "LandlordTenantExtract.xml";
  private static final XMLInputFactory XML_FACTORY = HardenedXmlFactory.create();
  private static final int BUFFER = 64 * 1024;

  private final Path zipFile;
  private final String fileName;
  private final DigestInputStream digested;
  private final ZipInputStream zip;
  private final ReadAheadInputStream inflated;
  private final CountingInputStream member;
  private final XMLStreamReader xml;
  private final XmlSubtreeReader subtrees;
  private RunDateElement runDate;
  private boolean indexSeen;
  private boolean ended;

  private ExtractReader(Path zipFile, CaseBounds bounds, DigestInputStream digested, ZipInputStream zip)
      throws ExtractFileException, IOException {
    this.zipFile = zipFile;
    this.subtrees = new XmlSubtreeReader(bounds);
    this.fileName = zipFile.getFileName().toString();
    this.digested = digested;
    this.zip = zip;
    // Reading, hashing and inflating run on their own thread, ahead of the XML parser.
    this.inflated = ReadAheadInputStream.start(zip, "oca-read " + fileName);
    this.member = new CountingInputStream(inflated);
    try {
      this.xml = XML_FACTORY.createXMLStreamReader(member);
    } catch (XMLStreamException e) {
      inflated.close();
      throw fileError(e, null);
    } catch (RuntimeException e) {
      inflated.close();
      throw e;
    }
  }

  /**
   * Opens the zip and positions on its {@value #MEMBER} member; an {@code Index} past {@code
   * bounds} is returned cut short, see {@link ParsedElement#size()}.
   */
  public static ExtractReader open(Path zipFile, CaseBounds bounds) throws ExtractFileException, IOException {
    String fileName = zipFile.getFileName().toString();
    InputStream raw = Files.newInputStream(zipFile);
    try {
      DigestInputStream digested = new DigestInputStream(raw, sha256());
      ZipInputStream zip = new ZipInputStream(new BufferedInputStream(digested, BUFFER));
      boolean anyEntry = false;
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        anyEntry = true;
        if (isMember(entry)) {
          return new ExtractReader(zipFile, bounds, digested, zip);
        }
      }
      throw new ExtractFileException(
          fileName,
          -1,
          -1,
          anyEntry ? "the zip has no member named " + MEMBER : "not a readable zip archive (no entries)",
          null);
    } catch (ZipException | EOFException e) {
      raw.close();
      throw new ExtractFileException(fileName, -1, -1, "not a readable zip archive: " + e.getMessage(), e);
    } catch (ExtractFileException | IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  /** Base name of the zip. */
  public String fileName() {
    return fileName;
  }

  /**
   * The next {@code Index} element, or null at the end of the document. Records the first {@code
   * RunDate} met before the first Index on the way.
   */
  public ParsedElement nextIndex() throws ExtractFileException, IOException {
    if (ended) {
      return null;
    }
    try {
      while (xml.hasNext()) {
        int event = xml.next();
        if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
          throw new XMLStreamException("DOCTYPE declarations and entities are not allowed", xml.getLocation());
        }
        if (event != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        String name = xml.getLocalName();
        if (name.equals("Index")) {
          indexSeen = true;
          return subtrees.read(xml);
        }
        if (name.equals("RunDate") && runDate == null && !indexSeen) {
          Location at = xml.getLocation();
          ParsedElement element = subtrees.read(xml);
          if (element.size().tooLarge() != null) { // a date never is: no fallback to the name's
            throw new XMLStreamException("RunDate too large: " + element.size().tooLarge().reason(), at);
          }
          runDate = new RunDateElement(element.text(), at.getLineNumber(), at.getColumnNumber());
        }
      }
      ended = true;
      return null;
    } catch (XMLStreamException e) {
      throw fileError(e, xml);
    } catch (WstxLazyException e) {
      // only with lazy parsing, which the factory turns off; kept so no parse error escapes unchecked
      throw fileError(
          e.getCause() instanceof XMLStreamException x ? x : new XMLStreamException(e.getMessage()),
          xml);
    }
  }

  /** The first RunDate before the first Index; final once {@link #nextIndex()} returned anything. */
  public Optional<RunDateElement> runDate() {
    return Optional.ofNullable(runDate);
  }

  /** Uncompressed bytes of the XML member read so far. */
  public long xmlBytesRead() {
    return member.count();
  }

  /**
   * After the last Index: reads the rest of the member (so the zip checks its CRC and size), the
   * members after it (a second {@value #MEMBER} makes the zip ambiguous) and the rest of the file,
   * and returns the hex SHA-256 of the whole file.
   */
  public String finish() throws ExtractFileException, IOException {
    while (nextIndex() != null) {
      // an unread tail is still checked for well-formedness
    }
    try {
      xml.close();
      member.transferTo(OutputStream.nullOutputStream());
      inflated.close(); // the reader thread is done with the zip: it may be used here again
      zip.closeEntry();
      refuseAnotherMember();
    } catch (XMLStreamException e) {
      throw fileError(e, null);
    } catch (ZipException | EOFException e) {
      throw new ExtractFileException(fileName, -1, -1, "corrupt zip member: " + e.getMessage(), e);
    }
    digested.transferTo(OutputStream.nullOutputStream());
    return HexFormat.of().formatHex(digested.getMessageDigest().digest());
  }

  /**
   * This stream reads the first {@value #MEMBER}, while {@code unzip} and every reader of the
   * central directory take the last: with two, which data the file holds depends on the tool.
   */
  private void refuseAnotherMember() throws ExtractFileException, IOException {
    int named = 1;
    ZipEntry entry;
    while ((entry = zip.getNextEntry()) != null) {
      if (isMember(entry)) {
        named++;
      }
    }
    if (named > 1) {
      throw new ExtractFileException(
          fileName,
          -1,
          -1,
          "ambiguous zip: " + named + " members are named " + MEMBER
              + ", and zip tools differ on which one they read",
          null);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      xml.close();
    } catch (XMLStreamException e) {
      // closing a StAX reader releases buffers only; the zip is closed below in any case
    } finally {
      inflated.close();
      zip.close();
    }
  }

  private static boolean isMember(ZipEntry entry) {
    return !entry.isDirectory() && entry.getName().equals(MEMBER);
  }

  private ExtractFileException fileError(XMLStreamException e, XMLStreamReader at)
      throws IOException {
    Throwable cause = e.getNestedException() != null ? e.getNestedException() : e.getCause();
    if (cause instanceof CharConversionException invalid) {
      return encodingError(invalid); // an IOException, but the same bytes fail on every attempt
    }
    if (cause instanceof IOException io && !(io instanceof ZipException) && !(io instanceof EOFException)) {
      throw io; // the local disk failed, not the file
    }
    Location location = e.getLocation() != null ? e.getLocation() : at == null ? null : at.getLocation();
    int line = location == null ? -1 : location.getLineNumber();
    int column = location == null ? -1 : location.getColumnNumber();
    return new ExtractFileException(fileName, line, column, reason(e.getMessage()), e);
  }

  /**
   * Bytes that are not valid in the document's encoding. Woodstox names no line for them, so the
   * member is read once more, from the start, to find where they are.
   */
  private ExtractFileException encodingError(CharConversionException e) throws IOException {
    Charset charset = documentCharset();
    Optional<InvalidBytes.Found> found;
    try (ZipInputStream again =
        new ZipInputStream(new BufferedInputStream(Files.newInputStream(zipFile), BUFFER))) {
      ZipEntry entry;
      do {
        entry = again.getNextEntry();
      } while (entry != null && !isMember(entry));
      found = entry == null ? Optional.empty() : InvalidBytes.locate(again, charset);
    }
    String reason = "bytes that are not valid " + charset.name() + " (the file's encoding)";
    return found
        .map(f -> new ExtractFileException(fileName, f.line(), f.column(), reason + ": " + f.bytes(), e))
        .orElseGet(() -> new ExtractFileException(fileName, -1, -1, reason + ": " + e.getMessage(), e));
  }

  /** The encoding the parser detected (declaration or byte order mark); UTF-8 before it knows. */
  private Charset documentCharset() {
    String name = xml == null ? null : xml.getEncoding();
    try {
      return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
    } catch (IllegalArgumentException unknown) {
      return StandardCharsets.UTF_8;
    }
  }

  /**
   * The reason without the location text (the exception carries line and column): the JDK's
   * XMLStreamException prefixes "ParseError at [row,col]:[l,c]\nMessage: ", Woodstox appends
   * "\n at [row,col ...]".
   */
  static String reason(String message) {
    if (message == null || message.isBlank()) {
      return "malformed XML";
    }
    int jdkPrefix = message.indexOf("\nMessage: ");
    String text = jdkPrefix >= 0 ? message.substring(jdkPrefix + "\nMessage: ".length()) : message;
    int newline = text.indexOf('\n');
    return (newline < 0 ? text : text.substring(0, newline)).strip();
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
