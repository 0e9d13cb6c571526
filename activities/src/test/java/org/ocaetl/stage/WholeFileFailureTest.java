package org.ocaetl.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.parse.CaseBounds;
import org.ocaetl.parse.ExtractFileException;
import org.ocaetl.parse.HardenedXmlFactory;
import org.ocaetl.testing.TestExtracts;

/** docs/processing-rules.md#rule-3: unreadable files fail as a whole, naming the file and, inside the XML, line and column. */
class WholeFileFailureTest {
  private static final String NAME = "LandlordTenant.Incr.2025-07-06.zip";
  private static final String CASE = TestExtracts.index("id-1", "<Court>Bronx</Court>");

  @TempDir Path dir;

  private ExtractFileException failsWholeFile(Path zip) {
    Path db = dir.resolve("staging.duckdb");
    ExtractFileException e =
        assertThrows(
            ExtractFileException.class,
            () ->
                new ExtractParser(StagingLimits.defaults(dir.resolve("tmp")))
                    .parse(zip, db, ParseProgress.NONE));
    assertEquals(zip.getFileName().toString(), e.fileName());
    assertTrue(e.getMessage().startsWith(zip.getFileName() + ": "), e.getMessage());
    assertFalse(Files.exists(db), "no staging file is left behind");
    return e;
  }

  private ExtractFileException failsAt(String xml, int line) throws IOException {
    ExtractFileException e = failsWholeFile(TestExtracts.zip(dir, NAME, xml));
    assertEquals(line, e.line(), e.getMessage());
    assertTrue(e.column() > 0, e.getMessage());
    assertTrue(e.getMessage().contains("line " + line + ", column " + e.column()), e.getMessage());
    return e;
  }

  @Test
  void externalEntityIsRejectedWithoutReadingTheFile() throws IOException {
    ExtractFileException e = failsAt(TestExtracts.externalEntityAttack("2025-07-06"), 2);
    assertFalse(e.getMessage().contains("root:"), "no file content leaks");
    assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
  }

  @Test
  void billionLaughsIsRejected() throws IOException {
    failsAt(TestExtracts.entityExpansionAttack("2025-07-06"), 2);
  }

  @Test
  void anyInternalDtdIsRejected() throws IOException {
    String xml =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE LandlordTenantExtract [<!ELEMENT LandlordTenantExtract ANY>]>\n"
            + TestExtracts.extract("2025-07-06", CASE).substring("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".length());
    failsAt(xml, 2);
  }

  @Test
  void undeclaredEntityIsRejected() throws IOException {
    failsAt(TestExtracts.extract("2025-07-06", "<Index>\n<IndexNumberId>&custom;</IndexNumberId></Index>"), 5);
  }

  @Test
  void malformedXmlFailsAtItsLineAndColumn() throws IOException {
    String xml =
        TestExtracts.extract(
            "2025-07-06", CASE, "<Index>\n<IndexNumberId>y</IndexNumberId>\n<Court>Kings</Status>\n</Index>");
    // line 1 declaration, 2 root, 3 RunDate, 4 first case, 5-8 the broken one
    ExtractFileException e = failsAt(xml, 7);
    assertTrue(e.getMessage().contains("</Status>"), e.getMessage());
  }

  @Test
  void truncatedXmlFails() throws IOException {
    String xml = TestExtracts.extract("2025-07-06", CASE, CASE);
    failsAt(xml.substring(0, xml.lastIndexOf("<Court>")), 5);
  }

  @Test
  void trailingGarbageFails() throws IOException {
    failsAt(TestExtracts.extract("2025-07-06", CASE) + "<Index/>", 6);
  }

  @Test
  void oversizeTextValueFails() throws IOException {
    Path zip =
        TestExtracts.zipStreaming(
            dir,
            NAME,
            out -> {
              out.write("<LandlordTenantExtract><RunDate>2025-07-06</RunDate>\n");
              out.write("<Index><IndexNumberId>x</IndexNumberId><Court>");
              char[] chunk = "a".repeat(1 << 16).toCharArray();
              for (int i = 0; i <= HardenedXmlFactory.MAX_TEXT_LENGTH / chunk.length; i++) {
                out.write(chunk);
              }
              out.write("</Court></Index></LandlordTenantExtract>");
            });
    ExtractFileException e = failsWholeFile(zip);
    assertEquals(2, e.line(), e.getMessage());
    assertTrue(e.getMessage().contains("Text size limit"), e.getMessage());
  }

  @Test
  void bytesThatAreNotUtf8FailAtTheirLineAndColumnDeepInTheFile() throws IOException {
    String[] cases = new String[20_001];
    for (int i = 0; i < 20_000; i++) {
      cases[i] = TestExtracts.index("id-" + i, "<Court>Bronx</Court>");
    }
    cases[20_000] = TestExtracts.index("bad", "<Court>K\u0000ings</Court>"); // \u0000 marks the bad bytes
    // line 1 declaration, 2 root, 3 RunDate, 4..20003 the good cases, 20004 the broken one
    String text = TestExtracts.extract("2025-07-06", cases);
    int at = text.indexOf('\u0000');
    ByteArrayOutputStream xml = new ByteArrayOutputStream();
    xml.writeBytes(text.substring(0, at).getBytes(StandardCharsets.UTF_8));
    xml.writeBytes(new byte[] {(byte) 0xC3, 0x28}); // a two-byte lead without its continuation byte
    xml.writeBytes(text.substring(at + 1).getBytes(StandardCharsets.UTF_8));

    ExtractFileException e =
        failsWholeFile(TestExtracts.zip(dir, NAME, Map.of(TestExtracts.MEMBER, xml.toByteArray())));
    assertEquals(
        NAME + ": line 20004, column 50: bytes that are not valid UTF-8 (the file's encoding): 0xC3",
        e.getMessage()); // column 50: after <Index><IndexNumberId>bad</IndexNumberId><Court>K
    assertEquals(20_004, e.line());
    assertEquals(50, e.column());
  }

  @Test
  void aRunDatePastTheCaseTextBoundFailsTheFileInsteadOfFallingBackToTheName() throws IOException {
    Path zip =
        TestExtracts.zipStreaming(
            dir,
            NAME,
            out -> {
              out.write("<LandlordTenantExtract>\n<RunDate>");
              out.write("2".repeat(CaseBounds.DEFAULT_MAX_TEXT_LENGTH + 1));
              out.write("</RunDate>\n" + CASE + "\n</LandlordTenantExtract>\n");
            });
    assertEquals(
        NAME + ": line 2, column 1: RunDate too large: 4,194,305 characters of text in the RunDate,"
            + " more than the 4,194,304 allowed",
        failsWholeFile(zip).getMessage());
  }

  @Test
  void truncatedZipFails() throws IOException {
    Path full =
        TestExtracts.zipStreaming(
            dir,
            "full.zip",
            out -> {
              out.write("<LandlordTenantExtract><RunDate>2025-07-06</RunDate>\n");
              for (int i = 0; i < 20_000; i++) {
                out.write("<Index><IndexNumberId>id-" + i + "</IndexNumberId><Court>c" + (i * 7919L % 10007)
                    + "</Court></Index>\n");
              }
              out.write("</LandlordTenantExtract>\n");
            });
    ExtractFileException e = failsWholeFile(TestExtracts.truncated(full, dir.resolve(NAME), 0.5));
    assertTrue(e.line() > 1, e.getMessage());
  }

  @Test
  void zipWithoutTheMemberFails() throws IOException {
    Map<String, byte[]> members = new LinkedHashMap<>();
    members.put("readme.txt", "hello".getBytes(StandardCharsets.UTF_8));
    members.put("sub/LandlordTenantExtract.xml", "<x/>".getBytes(StandardCharsets.UTF_8));
    members.put("landlordtenantextract.xml", "<x/>".getBytes(StandardCharsets.UTF_8));
    ExtractFileException e = failsWholeFile(TestExtracts.zip(dir, NAME, members));
    assertEquals(-1, e.line());
    assertTrue(e.getMessage().contains("no member named LandlordTenantExtract.xml"), e.getMessage());
  }

  @Test
  void zipWithTwoExtractMembersIsRefusedAsAmbiguous() throws IOException {
    // ZipOutputStream refuses a duplicate name, so the second member is renamed in place
    // (same length: local header and central directory both change, nothing else moves).
    String placeholder = "LandlordTenantExtract.dup";
    Map<String, byte[]> members = new LinkedHashMap<>();
    members.put(TestExtracts.MEMBER, TestExtracts.extract("2025-07-06", CASE).getBytes(StandardCharsets.UTF_8));
    members.put(
        placeholder,
        TestExtracts.extract("2025-07-06", TestExtracts.index("id-2", "<Court>Kings</Court>"))
            .getBytes(StandardCharsets.UTF_8));
    Path zip = TestExtracts.zip(dir, NAME, members);
    String bytes = new String(Files.readAllBytes(zip), StandardCharsets.ISO_8859_1);
    Files.write(zip, bytes.replace(placeholder, TestExtracts.MEMBER).getBytes(StandardCharsets.ISO_8859_1));
    try (ZipFile file = new ZipFile(zip.toFile())) {
      assertEquals(2, file.stream().filter(e -> e.getName().equals(TestExtracts.MEMBER)).count());
    }

    ExtractFileException e = failsWholeFile(zip);
    assertEquals(-1, e.line());
    assertEquals(
        NAME + ": ambiguous zip: 2 members are named LandlordTenantExtract.xml, and zip tools differ on"
            + " which one they read",
        e.getMessage());
  }

  @Test
  void notAZipFails() throws IOException {
    Path notZip = Files.writeString(dir.resolve(NAME), "<LandlordTenantExtract/>");
    assertTrue(failsWholeFile(notZip).getMessage().contains("not a readable zip"));
    Path empty = Files.write(dir.resolve("LandlordTenant.Incr.2025-07-13.zip"), new byte[0]);
    assertTrue(failsWholeFile(empty).getMessage().contains("not a readable zip"));
  }

  @Test
  void otherMembersAreIgnored() throws Exception {
    Map<String, byte[]> members = new LinkedHashMap<>();
    members.put("notes/readme.txt", "not xml <".getBytes(StandardCharsets.UTF_8));
    members.put(TestExtracts.MEMBER, TestExtracts.extract("2025-07-06", CASE).getBytes(StandardCharsets.UTF_8));
    members.put("trailer.bin", new byte[] {1, 2, 3});
    StagedFile file = StagedFile.of(TestExtracts.zip(dir, NAME, members), dir);
    assertEquals(1, file.parse().casesStaged());
  }
}
