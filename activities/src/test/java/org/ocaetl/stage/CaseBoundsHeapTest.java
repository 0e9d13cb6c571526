package org.ocaetl.stage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ocaetl.parse.ExtractFileException;
import org.ocaetl.parse.RejectedCase;
import org.ocaetl.testing.TestExtracts;

/**
 * One Index cannot exhaust the heap (docs/processing-rules.md#rule-8): files whose XML is far larger than the heap, built
 * around one enormous case, are parsed with the default bounds in a child JVM with a small heap and
 * the image's GC and OutOfMemoryError policy. The enormous case fails alone; the cases around it
 * are staged.
 */
@Tag("slow")
class CaseBoundsHeapTest {
  private static final String NAME = "LandlordTenant.Incr.2025-07-06.zip";
  private static final String HEAP = "-Xmx256m";

  @TempDir Path dir;

  /** Run in the child JVM: {@code <zip> <work dir>}; prints the counts, then one line per failure. */
  public static void main(String[] args) throws ExtractFileException, IOException {
    Path work = Path.of(args[1]);
    ParseReport report =
        new ExtractParser(StagingLimits.defaults(work.resolve("tmp")))
            .parse(Path.of(args[0]), work.resolve("staging.duckdb"), ParseProgress.NONE);
    System.out.println(
        "seen " + report.casesSeen() + ", staged " + report.casesStaged() + ", failed " + report.casesFailed());
    for (RejectedCase failure : report.failures()) {
      System.out.println(failure.caseId() + " | " + failure.element() + " | " + failure.reason());
    }
  }

  @Test
  void anIndexWithThreeMillionPartiesFailsAlone() throws Exception {
    Path zip =
        zipAround(
            out -> {
              out.write("<Index><IndexNumberId>huge</IndexNumberId><Parties>\n");
              for (int i = 0; i < 3_000_000; i++) {
                out.write("<Party><Role>Respondent</Role><PartyType>Person</PartyType></Party>\n");
              }
              out.write("</Parties></Index>\n");
            });
    assertTrue(Files.size(zip) < 2 << 20, "a small zip: " + Files.size(zip));
    assertEquals(
        List.of(
            "seen 3, staged 2, failed 1",
            "huge | Parties | case too large: 3,000,000 child elements, more than the 10,000 allowed"
                + " in one element (line 5)"),
        parseInSmallHeap(HEAP, zip));
  }

  @Test
  void anIndexWithFortyHighlightsOf15MegabytesFailsAlone() throws Exception {
    char[] chunk = "highlight ".repeat(100_000).toCharArray(); // 1,000,000 characters
    Path zip =
        zipAround(
            out -> {
              out.write("<Index><IndexNumberId>huge</IndexNumberId><Decisions>\n");
              for (int i = 1; i <= 40; i++) {
                out.write("<Decision><Sequence>" + i + "</Sequence><HighlightNoPersonallyIdentifyingInfo>");
                for (int mb = 0; mb < 15; mb++) {
                  out.write(chunk);
                }
                out.write("</HighlightNoPersonallyIdentifyingInfo></Decision>\n");
              }
              out.write("</Decisions></Index>\n");
            });
    assertEquals(
        List.of(
            "seen 3, staged 2, failed 1",
            "huge | Decisions/Decision/HighlightNoPersonallyIdentifyingInfo | case too large:"
                + " 600,000,075 characters of text in the Index, more than the 4,194,304 allowed (line 6)"),
        parseInSmallHeap(HEAP, zip));
  }

  /**
   * Cases just under the bounds are staged, and the trees waiting to be staged stay bounded in
   * bytes, not only in number: 60 cases of 4 MB each, half as much again as this heap, were all
   * held at once.
   */
  @Test
  void manyCasesJustUnderTheBoundsAreStagedInASmallHeap() throws Exception {
    char[] chunk = "n".repeat(1_000_000).toCharArray();
    Path zip =
        zipAround(
            out -> {
              for (int i = 0; i < 60; i++) {
                out.write("<Index><IndexNumberId>big-" + i + "</IndexNumberId><Notes>");
                for (int mb = 0; mb < 4; mb++) {
                  out.write(chunk);
                }
                out.write("</Notes></Index>\n");
              }
            });
    assertEquals(List.of("seen 62, staged 62, failed 0"), parseInSmallHeap("-Xmx160m", zip));
  }

  /** A zip of one case ({@code before}), what {@code middle} writes, and one more ({@code after}). */
  private Path zipAround(TestExtracts.XmlBody middle) throws IOException {
    return TestExtracts.zipStreaming(
        dir,
        NAME,
        out -> {
          out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<LandlordTenantExtract>\n");
          out.write("<RunDate>2025-07-06</RunDate>\n");
          out.write(TestExtracts.index("before", "<Court>Bronx</Court>") + "\n");
          middle.writeTo(out);
          out.write(TestExtracts.index("after", "<Court>Kings</Court>") + "\n");
          out.write("</LandlordTenantExtract>\n");
        });
  }

  private List<String> parseInSmallHeap(String heap, Path zip) throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    Path log = dir.resolve("child.log");
    Process child =
        new ProcessBuilder(
                java,
                heap,
                "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError",
                "-cp",
                System.getProperty("java.class.path"),
                CaseBoundsHeapTest.class.getName(),
                zip.toString(),
                Files.createDirectories(dir.resolve("work")).toString())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    assertTrue(child.waitFor(10, TimeUnit.MINUTES), "child finished");
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertEquals(0, child.exitValue(), output);
    return output.lines().filter(line -> !line.isBlank() && !line.startsWith("WARNING:")).toList();
  }
}
