package org.ocaetl.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.ocaetl.model.OcaTable;

/** docs/processing-rules.md#rule-8: an Index past a {@link CaseBounds} bound fails alone, named, with its size. */
class CaseBoundsTest {
  private static final CaseBounds SMALL = new CaseBounds(3, 12, 20);

  private static String parties(int count) {
    return "<Parties>" + "<Party><Role>R</Role></Party>".repeat(count) + "</Parties>";
  }

  /** Reads the Index elements of {@code xml} with {@link #SMALL} and converts them. */
  private static List<ExtractCase> convert(String... indexes) {
    CaseConverter converter = new CaseConverter();
    return Trees.children("<Extract>" + String.join("\n", indexes) + "</Extract>", SMALL).stream()
        .map(converter::convert)
        .toList();
  }

  private static RejectedCase failure(ExtractCase converted) {
    return assertInstanceOf(ExtractCase.Failed.class, converted).failure();
  }

  @Test
  void moreChildrenThanTheBoundFailTheCaseAloneWithTheirCount() {
    List<ExtractCase> cases =
        convert(
            "<Index><IndexNumberId>a</IndexNumberId>" + parties(3) + "</Index>",
            "<Index><IndexNumberId>b</IndexNumberId>\n" + parties(5) + "</Index>",
            "<Index><IndexNumberId>c</IndexNumberId></Index>");
    ExtractCase.Staged atTheBound = assertInstanceOf(ExtractCase.Staged.class, cases.get(0));
    assertEquals(3, atTheBound.rows().rows(OcaTable.OCA_PARTIES).size());
    assertEquals(
        new RejectedCase(
            "b",
            "Parties",
            null,
            "case too large: 5 child elements, more than the 3 allowed in one element (line 3)"),
        failure(cases.get(1)));
    assertInstanceOf(ExtractCase.Staged.class, cases.get(2), "the next Index is read as usual");
  }

  @Test
  void aTooLargeCaseWithAnIdOverItsLimitNamesNoCaseAndReportsTheIdCutShort() {
    String id = "i".repeat(300);
    String xml = "<Extract><Index><IndexNumberId>" + id + "</IndexNumberId>" + parties(5) + "</Index></Extract>";
    ExtractCase converted = new CaseConverter().convert(Trees.children(xml, new CaseBounds(3, 12, 1000)).get(0));
    assertNull(converted.caseId(), "no record of the file can refer to it");
    String reported = failure(converted).caseId();
    assertEquals(true, reported.length() < 300 && reported.contains("300 characters"), reported);
  }

  @Test
  void moreElementsThanTheBoundFailTheCaseWhereTheyOverflow() {
    String warrants = "<Warrants><Warrant/><Warrant/></Warrants>";
    List<ExtractCase> cases =
        convert(
            "<Index><IndexNumberId>a</IndexNumberId><Judgments>"
                + ("<Judgment><Sequence>1</Sequence>" + warrants + "</Judgment>").repeat(3)
                + "</Judgments></Index>");
    // Index, id, Judgments, then 5 per Judgment: the 13th is the second Warrant of the second one
    assertEquals(
        new RejectedCase(
            "a",
            "Judgments/Judgment/Warrants",
            null,
            "case too large: 18 elements in the Index, more than the 12 allowed (line 1)"),
        failure(cases.get(0)));
  }

  @Test
  void moreTextThanTheBoundFailsTheCaseAndIndentationDoesNotCount() {
    String indented = "\n    ";
    List<ExtractCase> cases =
        convert(
            "<Index>" + indented + "<IndexNumberId>a</IndexNumberId>" + indented
                + "<Court>" + "x".repeat(19) + "</Court>" + indented + "</Index>",
            "<Index><IndexNumberId>b</IndexNumberId><Court>" + "x".repeat(12) + "</Court>"
                + "<Status>" + "y".repeat(12) + "</Status></Index>");
    assertInstanceOf(ExtractCase.Staged.class, cases.get(0), "exactly 20 characters of values");
    assertEquals(
        new RejectedCase(
            "b",
            "Status",
            null,
            "case too large: 25 characters of text in the Index, more than the 20 allowed (line 5)"),
        failure(cases.get(1)));
  }

  @Test
  void anIdAfterTheOversizedPartStillNamesTheCase() {
    List<ExtractCase> cases =
        convert(
            "<Index>" + parties(4) + "<IndexNumberId>late</IndexNumberId><IndexNumberId>2nd</IndexNumberId></Index>",
            "<Index>" + parties(4) + "</Index>");
    assertEquals("late", failure(cases.get(0)).caseId());
    RejectedCase noId = failure(cases.get(1));
    assertNull(noId.caseId());
    assertEquals("Parties", noId.element(), "too large, not 'missing IndexNumberId'");
  }

  @Test
  void anOversizedIndexKeepsOnlyItsId() {
    ParsedElement cut =
        Trees.children("<Extract><Index><IndexNumberId>a</IndexNumberId>" + parties(4) + "</Index></Extract>", SMALL)
            .get(0);
    assertEquals(List.of("IndexNumberId"), cut.children().stream().map(ParsedElement::name).toList());
    assertEquals(new TreeSize(2, 1, cut.size().tooLarge()), cut.size());
    assertEquals(2 * CaseBounds.ELEMENT_HEAP_BYTES + 2, cut.size().heapBytes());
  }

  @Test
  void boundsMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> new CaseBounds(0, 1, 1));
    assertThrows(IllegalArgumentException.class, () -> new CaseBounds(1, 0, 1));
    assertThrows(IllegalArgumentException.class, () -> new CaseBounds(1, 1, 0));
  }
}
